{#- AD/010: periods of reablement completed during the year (every completed period, several per adult). -#}
with

episodes as (
    select * from {{ ref('int_reablement_episodes__classified') }}
)

select
    collection_year,
    'AD/010' as measure_code,
    '' as part,
    'reablement_episode' as item_type,
    reablement_episode_id as item_id,
    person_id,
    end_date as event_date,
    source_reference
from episodes
where ad_010_exclusion_reason is null
