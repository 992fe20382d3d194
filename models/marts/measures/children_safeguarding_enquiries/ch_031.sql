{#- CH/031: reports of children who go missing during the year, placed by the date the child went missing. -#}
with

missing_episodes as (
    select * from {{ ref('int_missing_episodes__classified') }}
)

select
    collection_year,
    'CH/031' as measure_code,
    '' as part,
    'missing_report' as item_type,
    missing_episode_id as item_id,
    person_id,
    start_date as event_date,
    source_reference
from missing_episodes
where is_in_ch_031
