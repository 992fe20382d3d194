{#-
  CH/020-CH/022, CH/031-CH/034: why a candidate strategy meeting, section 47 enquiry or missing
  report is not counted, one row per record, collection year and measure with an exclusion rule
  (unioned into measure_exclusions). A record excluded from a base measure (CH/020a, CH/021a) is not
  repeated for the measures derived from it (CH/033, CH/034). The part breakdowns (CH/020b-c,
  CH/021b-c) have no exclusions of their own: every base meeting is in at least one part (not known
  when nothing is recorded). CH/032 counts the children of CH/031's reports, so its exclusions are
  CH/031's.
-#}
with

strategy_meetings as (
    select * from {{ ref('int_strategy_meetings__classified') }}
),

enquiries as (
    select * from {{ ref('int_section_47_enquiries__classified') }}
),

missing_episodes as (
    select * from {{ ref('int_missing_episodes__classified') }}
)

{%- set meeting_rules = [
    ('CH/020a', 'ch_020a', none),
    ('CH/021a', 'ch_021a', none),
    ('CH/033', 'ch_033', 'is_in_ch_020a'),
    ('CH/034', 'ch_034', 'is_in_ch_021a'),
] %}
{%- for measure_code, prefix, base_condition in meeting_rules %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'strategy_meeting' as item_type,
        strategy_meeting_id as item_id,
        person_id,
        event_date,
        {{ prefix }}_exclusion_reason as exclusion_reason,
        source_reference
    from strategy_meetings
    where
        {{ prefix }}_exclusion_reason is not null
        {%- if base_condition %}
            and {{ base_condition }}
        {%- endif %}
    union all
{%- endfor %}

select
    collection_year,
    'CH/022' as measure_code,
    'section_47_enquiry' as item_type,
    section_47_enquiry_id as item_id,
    person_id,
    event_date,
    ch_022_exclusion_reason as exclusion_reason,
    source_reference
from enquiries
where ch_022_exclusion_reason is not null

union all

select
    collection_year,
    'CH/031' as measure_code,
    'missing_report' as item_type,
    missing_episode_id as item_id,
    person_id,
    start_date as event_date,
    ch_031_exclusion_reason as exclusion_reason,
    source_reference
from missing_episodes
where ch_031_exclusion_reason is not null
