{#-
  CA/017: young carers (under 18 on 31 March) with (a) a support plan meeting their needs as a
  carer (a carer's support plan or an integrated care and support plan) on 31 March; (b) of them, those
  who also have their own care and support needs met by a plan open that day. One item per carer.
-#}
with

plans as (
    select * from {{ ref('int_carer_plans__on_31_march') }}
    where carer_group = 'young' and is_person_first_row
),

parts as (
    select
        plans.*,
        'a' as part
    from plans
    where is_in_part_a
    union all
    select
        plans.*,
        'b' as part
    from plans
    where is_in_part_b
)

select
    collection_year,
    'CA/017' as measure_code,
    part,
    'carer' as item_type,
    person_id as item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from parts
