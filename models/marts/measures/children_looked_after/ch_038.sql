{#-
  CH/038: Part 6 care and support plans authorised within 10 working days of the start of a CH/037b
  episode (day zero), one item per CH/037b episode (item_id its episode_id, event_date the plan's
  authorisation, source_reference the plan's extract line); a plan authorised before the episode
  counts.
-#}
with

candidates as (
    select * from {{ ref('int_lac_episodes__starts') }}
)

select
    collection_year,
    'CH/038' as measure_code,
    '' as part,
    'episode' as item_type,
    episode_id as item_id,
    person_id,
    plan_authorised_date as event_date,
    plan_source_reference as source_reference
from candidates
where ch_038_exclusion_reason is null
