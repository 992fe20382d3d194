with

plans as (
    select * from {{ ref('stg_wccis__plans') }}
)

select
    plans.plan_id,
    plans.person_id,
    plan_type.national_code as plan_type_code,
    plans.start_date,
    plans.end_date,
    end_reason.national_code as end_reason_code,
    coalesce(plans.includes_needs_as_carer, false) as includes_needs_as_carer,
    coalesce(plans.refused, false) as is_refused,
    coalesce(plans.has_direct_payment, false) as has_direct_payment,
    plans.direct_payment_first_payment_date,
    coalesce(plans.protects_from_abuse_or_neglect, false) as is_protection_plan,
    coalesce(plans.is_care_and_treatment_plan, false) as is_care_and_treatment_plan,
    coalesce(plans.social_services_responsible, false) as is_social_services_responsible,
    coalesce(plans.commissioned_third_party_plan, false) as is_commissioned_third_party_plan,
    plans.joint_plan_id,
    coalesce(plans.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('plans.source_file', 'plans.source_row') }} as source_reference
from plans
{{ decode_join('plan_type', 'plans.plan_type_code', 'plan_type') }}
{{ decode_join('plan_end_reason', 'plans.end_reason_code', 'end_reason') }}
