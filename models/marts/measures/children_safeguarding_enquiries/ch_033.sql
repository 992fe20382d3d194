{#-
  CH/033: initial strategy meetings concluded during the year where child exploitation (sexual,
  criminal, trafficking) was a factor - CH/020a meetings, each once however many exploitation
  factors it has. With var ch_033_counting_unit = 'child' the figure is the number of children
  instead: each child once a year, dated by and traced to their first such meeting.
-#}
{%- set counting_unit = var('ch_033_counting_unit') %}
{%- if counting_unit not in ['meeting', 'child'] %}
    {{ exceptions.raise_compiler_error("var ch_033_counting_unit must be meeting or child, not " ~ counting_unit) }}
{%- endif %}
with

strategy_meetings as (
    select * from {{ ref('int_strategy_meetings__classified') }}
),

exploitation_meetings as (
    select
        collection_year,
        strategy_meeting_id,
        person_id,
        event_date,
        source_reference,
        row_number() over (
            partition by collection_year, person_id
            order by event_date, strategy_meeting_id
        ) as meeting_number_in_year
    from strategy_meetings
    where is_in_ch_020a and ch_033_exclusion_reason is null
)

select
    collection_year,
    'CH/033' as measure_code,
    '' as part,
    {%- if counting_unit == 'meeting' %}
        'strategy_meeting' as item_type,
        strategy_meeting_id as item_id,
    {%- else %}
        'child' as item_type,
        person_id as item_id,
    {%- endif %}
    person_id,
    event_date,
    source_reference
from exploitation_meetings
{%- if counting_unit == 'child' %}
    where meeting_number_in_year = 1
{%- endif %}
