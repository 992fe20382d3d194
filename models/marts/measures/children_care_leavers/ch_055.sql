{#-
  CH/055: young people whose period of care ended during the year with reason E10 ('When I am
  Ready'), once a year, dated by the end date.
-#}
with

endings as (
    select * from {{ ref('int_lac_episodes__when_i_am_ready') }}
)

select
    collection_year,
    'CH/055' as measure_code,
    '' as part,
    'young_person' as item_type,
    person_id as item_id,
    person_id,
    end_date as event_date,
    source_reference
from endings
where is_in_ch_055
