with

meetings as (
    select * from {{ ref('stg_wccis__adult_safeguarding_meetings') }}
)

select
    meetings.meeting_id,
    meetings.meeting_group_id,
    meetings.person_id,
    meetings.report_id,
    meetings.enquiry_id,
    meeting_type.national_code as meeting_type_code,
    meetings.held_date,
    coalesce(meetings.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('meetings.source_file', 'meetings.source_row') }} as source_reference
from meetings
{{ decode_join('adult_safeguarding_meeting_type', 'meetings.meeting_type_code', 'meeting_type') }}
