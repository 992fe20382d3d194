{#-
  CH/037a: children becoming looked after during the year, one item per child and year: the child’s
  first 'S' episode of the year counted in CH/037b (item_id its episode_id, so every CH/037a item is
  a CH/037b item).
-#}
with

candidates as (
    select * from {{ ref('int_lac_episodes__starts') }}
)

select
    collection_year,
    'CH/037a' as measure_code,
    '' as part,
    'child' as item_type,
    episode_id as item_id,
    person_id,
    start_date as event_date,
    source_reference
from candidates
where is_in_ch_037b and is_first_in_year
