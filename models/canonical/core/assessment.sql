with

assessments as (
    select * from {{ ref('stg_wccis__assessments') }}
)

select
    assessments.assessment_id,
    coalesce(assessments.assessment_process_id, assessments.assessment_id) as assessment_process_id,
    assessments.family_assessment_id,
    assessments.person_id,
    assessments.contact_id,
    assessment_type.national_code as assessment_type_code,
    assessments.start_date,
    assessments.completed_date,
    outcome.national_code as outcome_code,
    requested_by.national_code as requested_by_code,
    coalesce(assessments.circumstances_changed, false) as has_circumstances_changed,
    coalesce(assessments.what_matters_conversation_held, false) as is_what_matters_conversation_held,
    coalesce(assessments.five_elements_considered, false) as is_five_elements_considered,
    coalesce(assessments.person_seen, false) as is_person_seen,
    coalesce(assessments.welsh_active_offer_made, false) as is_welsh_active_offer_made,
    coalesce(assessments.welsh_active_offer_accepted, false) as is_welsh_active_offer_accepted,
    coalesce(assessments.language_of_choice_used, false) as is_language_of_choice_used,
    coalesce(assessments.in_secure_estate, false) as is_in_secure_estate,
    coalesce(assessments.physical_punishment_factor, false)
    or coalesce(assessments.physical_punishment_only_factor, false) as is_physical_punishment_factor,
    coalesce(assessments.physical_punishment_only_factor, false) as is_physical_punishment_only_factor,
    coalesce(assessments.considers_needs_as_carer, false) as considers_needs_as_carer,
    coalesce(assessments.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('assessments.source_file', 'assessments.source_row') }} as source_reference
from assessments
{{ decode_join('assessment_type', 'assessments.assessment_type_code', 'assessment_type') }}
{{ decode_join('assessment_outcome', 'assessments.outcome_code', 'outcome') }}
{{ decode_join('requested_by', 'assessments.requested_by_code', 'requested_by') }}
