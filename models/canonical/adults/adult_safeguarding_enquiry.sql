with

enquiries as (
    select * from {{ ref('stg_wccis__adult_safeguarding_enquiries') }}
)

select
    enquiries.enquiry_id,
    enquiries.report_id,
    enquiries.person_id,
    enquiries.start_date,
    enquiries.completed_date,
    made_by.national_code as made_by_code,
    coalesce(enquiries.formal_police_investigation, false) as is_formal_police_investigation,
    outcome.national_code as outcome_code,
    coalesce(
        enquiries.further_action_required,
        outcome.national_code in ('immediate_protection', 'at_risk_action_needed'),
        false
    ) as is_further_action_required,
    coalesce(enquiries.adult_refused_action, false) as has_adult_refused_action,
    enquiries.protection_plan_id,
    coalesce(enquiries.place_own_home, false) as is_place_own_home,
    coalesce(enquiries.place_community, false) as is_place_community,
    coalesce(enquiries.place_care_home, false) as is_place_care_home,
    coalesce(enquiries.place_health_setting, false) as is_place_health_setting,
    coalesce(enquiries.place_other, false) as is_place_other,
    coalesce(enquiries.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('enquiries.source_file', 'enquiries.source_row') }} as source_reference
from enquiries
{{ decode_join('adult_enquiry_made_by', 'enquiries.made_by_code', 'made_by') }}
{{ decode_join('adult_enquiry_outcome', 'enquiries.outcome_code', 'outcome') }}
