{#- CH/020a: initial strategy meetings for children concluded during the year, one item per child per meeting. -#}
with

strategy_meetings as (
    select * from {{ ref('int_strategy_meetings__classified') }}
)

select
    collection_year,
    'CH/020a' as measure_code,
    '' as part,
    'strategy_meeting' as item_type,
    strategy_meeting_id as item_id,
    person_id,
    event_date,
    source_reference
from strategy_meetings
where is_in_ch_020a
