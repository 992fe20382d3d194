with

reports as (
    select * from {{ ref('stg_wccis__adult_safeguarding_reports') }}
)

select
    reports.report_id,
    reports.person_id,
    reports.contact_id,
    reports.received_date,
    report_source.national_code as report_source_code,
    primary_category.national_code as primary_abuse_category_code,
    coalesce(reports.neglect_alleged, false)
    or coalesce(primary_category.national_code = 'neglect', false) as is_neglect_alleged,
    coalesce(reports.physical_abuse_alleged, false)
    or coalesce(primary_category.national_code = 'physical', false) as is_physical_abuse_alleged,
    coalesce(reports.sexual_abuse_alleged, false)
    or coalesce(primary_category.national_code = 'sexual', false) as is_sexual_abuse_alleged,
    coalesce(reports.emotional_abuse_alleged, false)
    or coalesce(primary_category.national_code = 'emotional', false) as is_emotional_abuse_alleged,
    coalesce(reports.financial_abuse_alleged, false)
    or coalesce(primary_category.national_code = 'financial', false) as is_financial_abuse_alleged,
    coalesce(reports.other_abuse_alleged, false)
    or coalesce(primary_category.national_code = 'other', false) as is_other_abuse_alleged,
    ethnicity.national_code as ethnicity_code,
    reports.decision_date,
    decision.national_code as decision_code,
    coalesce(reports.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('reports.source_file', 'reports.source_row') }} as source_reference
from reports
{{ decode_join('contact_source', 'reports.report_source_code', 'report_source') }}
{{ decode_join('adult_abuse_category', 'reports.primary_abuse_category_code', 'primary_category') }}
{{ decode_join('adult_safeguarding_decision', 'reports.decision_code', 'decision') }}
{{ decode_join('ethnicity', 'reports.ethnicity_code', 'ethnicity') }}
