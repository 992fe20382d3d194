{#-
  CH/037b: new episodes of children becoming looked after during the year, one item per 'S' episode
  starting in the year that is not excluded (int_lac_episodes__starts).
-#}
with

candidates as (
    select * from {{ ref('int_lac_episodes__starts') }}
)

select
    collection_year,
    'CH/037b' as measure_code,
    '' as part,
    'episode' as item_type,
    episode_id as item_id,
    person_id,
    start_date as event_date,
    source_reference
from candidates
where is_in_ch_037b
