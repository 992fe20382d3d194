{#-
  CH/026: children (born, under 18 on 31 March) on the child protection register (a) on 31 March and
  (b) at any time during the collection year, temporary registrations excluded; one item per child
  and part, dated 31 March (a) or by the first day on the register in the year (b).
-#}
with

registration_years as (
    select * from {{ ref('int_cp_registrations__register_years') }}
),

part_a as (
    select
        collection_year,
        'a' as part,
        person_id,
        year_end_date as event_date,
        source_reference
    from registration_years
    where ch_026a_exclusion_reason is null
),

part_b as (
    select
        collection_year,
        'b' as part,
        person_id,
        case when start_date > year_start_date then start_date else year_start_date end as event_date,
        source_reference
    from registration_years
    where ch_026b_exclusion_reason is null
),

items as (
    select * from part_a
    union all
    select * from part_b
)

select
    collection_year,
    'CH/026' as measure_code,
    part,
    'child' as item_type,
    person_id as item_id,
    person_id,
    event_date,
    source_reference
from items
