with

episodes as (
    select * from {{ ref('stg_wccis__looked_after_episodes') }}
)

select
    episodes.episode_id,
    episodes.person_id,
    episodes.start_date,
    reason_new_episode.national_code as reason_new_episode_code,
    legal_status.national_code as legal_status_code,
    placement_type.national_code as placement_type_code,
    episodes.placement_id,
    placement_provider.national_code as placement_provider_code,
    placement_location.national_code as placement_location_code,
    carer_approval.national_code as carer_approval_status_code,
    episodes.carer_approved_date,
    coalesce(episodes.is_permanent_placement, false) as is_permanent_placement,
    episodes.permanence_agreed_date,
    coalesce(episodes.is_temporary_move, false) as is_temporary_move,
    episodes.section_30a_notice_date,
    episodes.is_under_24_hours,
    episodes.assessment_completed_date,
    episodes.agreed_visit_interval_days,
    episodes.end_date,
    reason_ceased.national_code as reason_episode_ceased_code,
    coalesce(episodes.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('episodes.source_file', 'episodes.source_row') }} as source_reference
from episodes
{{ decode_join('lac_reason_new_episode', 'episodes.reason_new_episode_code', 'reason_new_episode') }}
{{ decode_join('lac_legal_status', 'episodes.legal_status_code', 'legal_status') }}
{{ decode_join('lac_placement_type', 'episodes.placement_type_code', 'placement_type') }}
{{ decode_join('lac_placement_provider', 'episodes.placement_provider_code', 'placement_provider') }}
{{ decode_join('lac_placement_location', 'episodes.placement_location_code', 'placement_location') }}
{{ decode_join('lac_carer_approval', 'episodes.carer_approval_status_code', 'carer_approval') }}
{{ decode_join('lac_reason_episode_ceased', 'episodes.reason_episode_ceased_code', 'reason_ceased') }}
