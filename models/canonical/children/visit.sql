with

visits as (
    select * from {{ ref('stg_wccis__visits') }}
)

select
    visits.visit_id,
    visits.person_id,
    visit_type.national_code as visit_type_code,
    visits.visit_date,
    outcome.national_code as outcome_code,
    coalesce(visits.child_seen, false) as is_child_seen,
    coalesce(visits.child_seen_alone, false) as is_child_seen_alone,
    coalesce(visits.is_virtual, false) as is_virtual,
    coalesce(visits.is_virtual_risk_assessed, false) as is_virtual_risk_assessed,
    coalesce(visits.is_home_visit, false) as is_home_visit,
    coalesce(visits.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('visits.source_file', 'visits.source_row') }} as source_reference
from visits
{{ decode_join('visit_type', 'visits.visit_type_code', 'visit_type') }}
{{ decode_join('visit_outcome', 'visits.outcome_code', 'outcome') }}
