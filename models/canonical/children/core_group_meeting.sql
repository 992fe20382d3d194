with

meetings as (
    select * from {{ ref('stg_wccis__core_group_meetings') }}
)

select
    meetings.core_group_meeting_id,
    meetings.person_id,
    meetings.registration_id,
    meeting_type.national_code as meeting_type_code,
    meetings.meeting_date,
    coalesce(meetings.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('meetings.source_file', 'meetings.source_row') }} as source_reference
from meetings
{{ decode_join('core_group_meeting_type', 'meetings.meeting_type_code', 'meeting_type') }}
