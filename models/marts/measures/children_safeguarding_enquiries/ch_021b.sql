{#-
  CH/021b a-k: CH/021a strategy meetings by alleged perpetrator (int_strategy_meetings__factors,
  seeds/measure_part_map.csv); a meeting counts once in each part it has a factor for.
-#}
with

strategy_meetings as (
    select * from {{ ref('int_strategy_meetings__classified') }}
),

factors as (
    select * from {{ ref('int_strategy_meetings__factors') }}
),

factor_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'CH/021b' and code_list = 'strategy_factor'
)

select
    strategy_meetings.collection_year,
    'CH/021b' as measure_code,
    factor_parts.part,
    'strategy_meeting' as item_type,
    strategy_meetings.strategy_meeting_id as item_id,
    strategy_meetings.person_id,
    strategy_meetings.event_date,
    strategy_meetings.source_reference
from strategy_meetings
inner join factors
    on strategy_meetings.strategy_meeting_id = factors.strategy_meeting_id
inner join factor_parts
    on factors.factor_code = factor_parts.national_code
where strategy_meetings.is_in_ch_021a
