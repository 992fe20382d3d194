with

missing_episodes as (
    select * from {{ ref('stg_wccis__missing_episodes') }}
)

select
    missing_episodes.missing_episode_id,
    missing_episodes.person_id,
    missing_type.national_code as missing_type_code,
    missing_episodes.start_date,
    missing_episodes.reported_date,
    missing_episodes.end_date,
    coalesce(missing_episodes.is_placed_by_another_authority, false) as is_placed_by_another_authority,
    coalesce(missing_episodes.return_interview_offered, false) as is_return_interview_offered,
    missing_episodes.return_interview_date,
    coalesce(missing_episodes.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('missing_episodes.source_file', 'missing_episodes.source_row') }} as source_reference
from missing_episodes
{{ decode_join('missing_type', 'missing_episodes.missing_type_code', 'missing_type') }}
