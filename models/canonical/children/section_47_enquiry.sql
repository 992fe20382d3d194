with

enquiries as (
    select * from {{ ref('stg_wccis__section_47_enquiries') }}
)

select
    enquiries.section_47_enquiry_id,
    enquiries.person_id,
    enquiries.strategy_meeting_id,
    enquiries.start_date,
    enquiries.completed_date,
    outcome.national_code as outcome_code,
    coalesce(enquiries.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('enquiries.source_file', 'enquiries.source_row') }} as source_reference
from enquiries
{{ decode_join('section_47_outcome', 'enquiries.outcome_code', 'outcome') }}
