with

reablement_episodes as (
    select * from {{ ref('stg_wccis__reablement_episodes') }}
)

select
    reablement_episodes.reablement_episode_id,
    reablement_episodes.person_id,
    reablement_episodes.plan_id,
    reablement_episodes.referral_date,
    reablement_episodes.start_date,
    reablement_episodes.planned_end_date,
    reablement_episodes.end_date,
    end_reason.national_code as end_reason_code,
    coalesce(
        reablement_episodes.end_date is not null and end_reason.national_code = 'completed', false
    ) as is_completed,
    outcome.national_code as outcome_code,
    cast(reablement_episodes.weekly_hours_at_start as numeric(18, 2)) as weekly_hours_at_start,
    cast(reablement_episodes.weekly_hours_at_end as numeric(18, 2)) as weekly_hours_at_end,
    coalesce(reablement_episodes.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('reablement_episodes.source_file', 'reablement_episodes.source_row') }} as source_reference
from reablement_episodes
{{ decode_join('reablement_end_reason', 'reablement_episodes.end_reason_code', 'end_reason') }}
{{ decode_join('reablement_outcome', 'reablement_episodes.outcome_code', 'outcome') }}
