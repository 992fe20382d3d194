{#
  The items of a measure that splits strategy meetings by their factors (CH/020b, CH/020c, CH/021b,
  CH/021c, CH/034): the meetings counted in the base measure (flag base_flag of
  int_strategy_meetings__classified, e.g. is_in_ch_020a), once in each part one of their factors
  maps to in seeds/measure_part_map.csv (code list strategy_factor). Parts are not exclusive: a
  meeting with several perpetrators is in several parts.
#}
{% macro strategy_meeting_factor_parts(measure_code, base_flag) %}
with

strategy_meetings as (
    select * from {{ ref('int_strategy_meetings__classified') }}
),

factors as (
    select * from {{ ref('int_strategy_meetings__factors') }}
),

factor_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = '{{ measure_code }}' and code_list = 'strategy_factor'
)

select
    strategy_meetings.collection_year,
    '{{ measure_code }}' as measure_code,
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
where strategy_meetings.{{ base_flag }}
{% endmacro %}
