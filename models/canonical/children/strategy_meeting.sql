with

strategy_meetings as (
    select * from {{ ref('stg_wccis__strategy_meetings') }}
)

select
    strategy_meetings.strategy_meeting_id,
    strategy_meetings.meeting_group_id,
    strategy_meetings.person_id,
    strategy_meetings.safeguarding_process_id,
    meeting_type.national_code as meeting_type_code,
    protocol.national_code as protocol_code,
    strategy_meetings.meeting_date,
    strategy_meetings.concluded_date,
    decision.national_code as decision_code,
    coalesce(strategy_meetings.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('strategy_meetings.source_file', 'strategy_meetings.source_row') }} as source_reference
from strategy_meetings
{{ decode_join('strategy_meeting_type', 'strategy_meetings.meeting_type_code', 'meeting_type') }}
{{ decode_join('child_safeguarding_protocol', 'strategy_meetings.protocol_code', 'protocol') }}
{{ decode_join('strategy_meeting_decision', 'strategy_meetings.decision_code', 'decision') }}
