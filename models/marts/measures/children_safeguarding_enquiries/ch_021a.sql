{#-
  CH/021a: strategy meetings concluded during the year that decided to progress to section 47
  enquiries (any meeting of the process, not only the initial one), one item per child per meeting.
-#}
with

strategy_meetings as (
    select * from {{ ref('int_strategy_meetings__classified') }}
)

select
    collection_year,
    'CH/021a' as measure_code,
    '' as part,
    'strategy_meeting' as item_type,
    strategy_meeting_id as item_id,
    person_id,
    event_date,
    source_reference
from strategy_meetings
where is_in_ch_021a
