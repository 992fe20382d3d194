with

financial_assessments as (
    select * from {{ ref('stg_wccis__financial_assessments') }}
)

select
    financial_assessments.financial_assessment_id,
    financial_assessments.person_id,
    care_setting.national_code as care_setting_code,
    financial_assessments.completed_date,
    financial_assessments.effective_from_date,
    financial_assessments.effective_to_date,
    outcome.national_code as outcome_code,
    cast(financial_assessments.assessed_weekly_charge as numeric(18, 2)) as assessed_weekly_charge,
    coalesce(financial_assessments.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('financial_assessments.source_file', 'financial_assessments.source_row') }} as source_reference
from financial_assessments
{{ decode_join('financial_assessment_setting', 'financial_assessments.care_setting_code', 'care_setting') }}
{{ decode_join('financial_assessment_outcome', 'financial_assessments.outcome_code', 'outcome') }}
