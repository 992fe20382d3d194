{#-
  AD/011 a-d: AD/010 periods of reablement by the outcome recorded at the end of the period: (a) reduced,
  (b) maintained, (c) mitigated (no further need), (d) neither - needs increased (seeds/code_map.csv list
  reablement_outcome, seeds/measure_part_map.csv).
-#}
with

episodes as (
    select * from {{ ref('int_reablement_episodes__classified') }}
),

outcome_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'AD/011'
)

select
    episodes.collection_year,
    'AD/011' as measure_code,
    outcome_parts.part,
    'reablement_episode' as item_type,
    episodes.reablement_episode_id as item_id,
    episodes.person_id,
    episodes.end_date as event_date,
    episodes.source_reference
from episodes
inner join outcome_parts
    on
        outcome_parts.code_list = 'reablement_outcome'
        and episodes.outcome_code = outcome_parts.national_code
where episodes.ad_010_exclusion_reason is null
