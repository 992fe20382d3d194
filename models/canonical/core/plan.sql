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
    coalesce(plans.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('plans.source_file', 'plans.source_row') }} as source_reference
from plans
{{ decode_join('plan_type', 'plans.plan_type_code', 'plan_type') }}
{{ decode_join('plan_end_reason', 'plans.end_reason_code', 'end_reason') }}
