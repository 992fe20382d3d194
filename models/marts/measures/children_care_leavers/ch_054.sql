{#-
  CH/054 a-b: young people in category 2, 3 or 4 on 31 March (counted in CH/053) who completed at
  least 3 consecutive months of education, employment or training since becoming a care leaver (a)
  and in the collection year (b); dated by the start of the qualifying run as counted, traced to the
  run’s first activity period.
-#}
with

young_people as (
    select * from {{ ref('int_care_leavers__eet_on_31_march') }}
)

select
    collection_year,
    'CH/054' as measure_code,
    'a' as part,
    'care_leaver' as item_type,
    person_id as item_id,
    person_id,
    part_a_run_start_date as event_date,
    part_a_source_reference as source_reference
from young_people
where is_in_ch_054a

union all

select
    collection_year,
    'CH/054' as measure_code,
    'b' as part,
    'care_leaver' as item_type,
    person_id as item_id,
    person_id,
    part_b_run_start_date as event_date,
    part_b_source_reference as source_reference
from young_people
where is_in_ch_054b
