{#-
  AD/012: adults (18 or over) with a care and support plan open on 31 March: (a) all of them, (b) those
  who also have support needs as a carer (within a).
-#}
with

plans as (
    select * from {{ ref('int_adult_plans__open_on_31_march') }}
),

adults as (
    select * from plans
    where
        is_person_first_row
        and is_in_ad_012
),

parts as (
    select
        adults.*,
        'a' as part
    from adults
    union all
    select
        adults.*,
        'b' as part
    from adults
    where has_needs_as_carer
)

select
    collection_year,
    'AD/012' as measure_code,
    part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from parts
