{#
  The factors of every strategy meeting (one row per child per meeting), one row per meeting and
  national factor: alleged perpetrators (CH/020b, CH/021b), alleged settings (CH/020c, CH/021c) and
  child exploitation factors (CH/033, CH/034). Several local codes mapping to one national factor
  (e.g. parent and step-parent with parental responsibility) give one row, so a meeting counts once
  in each part it has a factor for.

  Interpretations (docs/interpretations.md):
  - Factor records flagged recorded in error are ignored.
  - With var strategy_meeting_factors_from_process (default true), a meeting with no factor of a type
    (perpetrator, setting, exploitation) recorded takes that type's recorded factors from the earlier
    meetings (not in error) of the same child's child protection process (factor_source 'process'): a
    further meeting that decides on section 47 enquiries is about the same concern, whose perpetrator,
    setting and exploitation were identified at the first meeting.
  - A meeting still with no alleged perpetrator has the factor perpetrator_not_known, and one with no
    alleged setting has setting_not_known ("Not known" / "Information not known"): the catalogue asks
    for every meeting to be described, and no record means not known. A "not known" row recorded
    beside a known perpetrator or setting is kept (parts are not exclusive).
  - A meeting held under a protocol listed in var strategy_meeting_protocol_exploitation_factors
    (default: the child sexual exploitation protocol) has that exploitation factor even when no factor
    row records it: a meeting convened under the CSE protocol is reasonable cause to suspect CSE.
#}
{%- set protocol_factors = var('strategy_meeting_protocol_exploitation_factors') %}
with

strategy_meetings as (
    select * from {{ ref('strategy_meeting') }}
),

factors as (
    select * from {{ ref('strategy_meeting_factor') }}
),

recorded_factors as (
    select
        strategy_meeting_id,
        factor_type_code,
        factor_code,
        'recorded' as factor_source
    from factors
    where not is_recorded_in_error
),

protocol_factors as (
    {%- for protocol_code, factor_code in protocol_factors.items() %}
        select
            strategy_meeting_id,
            'exploitation' as factor_type_code,
            '{{ factor_code }}' as factor_code,
            'protocol' as factor_source
        from strategy_meetings
        where protocol_code = '{{ protocol_code }}'
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- else %}
        select
            strategy_meeting_id,
            factor_type_code,
            factor_code,
            factor_source
        from recorded_factors
        where false
    {%- endfor %}
),

recorded_factor_types as (
    select distinct
        strategy_meeting_id,
        factor_type_code
    from recorded_factors
),

process_factors as (
    {%- if var('strategy_meeting_factors_from_process') %}
        select distinct
            later_meetings.strategy_meeting_id,
            recorded_factors.factor_type_code,
            recorded_factors.factor_code,
            'process' as factor_source
        from strategy_meetings as later_meetings
        inner join strategy_meetings as earlier_meetings
            on
                later_meetings.person_id = earlier_meetings.person_id
                and later_meetings.safeguarding_process_id = earlier_meetings.safeguarding_process_id
                and later_meetings.meeting_date >= earlier_meetings.meeting_date
                and later_meetings.strategy_meeting_id <> earlier_meetings.strategy_meeting_id
                and not earlier_meetings.is_recorded_in_error
        inner join recorded_factors
            on earlier_meetings.strategy_meeting_id = recorded_factors.strategy_meeting_id
        left join recorded_factor_types
            on
                later_meetings.strategy_meeting_id = recorded_factor_types.strategy_meeting_id
                and recorded_factors.factor_type_code = recorded_factor_types.factor_type_code
        where recorded_factor_types.strategy_meeting_id is null
    {%- else %}
        select
            strategy_meeting_id,
            factor_type_code,
            factor_code,
            factor_source
        from recorded_factors
        where false
    {%- endif %}
),

known_factors as (
    select * from recorded_factors
    union all
    select * from process_factors
),

factor_types_recorded as (
    select
        strategy_meeting_id,
        max(case when factor_type_code = 'alleged_perpetrator' then 1 else 0 end) as has_perpetrator,
        max(case when factor_type_code = 'alleged_setting' then 1 else 0 end) as has_setting
    from known_factors
    group by strategy_meeting_id
),

not_known_factors as (
    select
        strategy_meetings.strategy_meeting_id,
        'alleged_perpetrator' as factor_type_code,
        'perpetrator_not_known' as factor_code,
        'none recorded' as factor_source
    from strategy_meetings
    left join factor_types_recorded
        on strategy_meetings.strategy_meeting_id = factor_types_recorded.strategy_meeting_id
    where coalesce(factor_types_recorded.has_perpetrator, 0) = 0

    union all

    select
        strategy_meetings.strategy_meeting_id,
        'alleged_setting' as factor_type_code,
        'setting_not_known' as factor_code,
        'none recorded' as factor_source
    from strategy_meetings
    left join factor_types_recorded
        on strategy_meetings.strategy_meeting_id = factor_types_recorded.strategy_meeting_id
    where coalesce(factor_types_recorded.has_setting, 0) = 0
),

all_factors as (
    select * from known_factors
    union all
    select * from protocol_factors
    union all
    select * from not_known_factors
),

distinct_factors as (
    select
        strategy_meeting_id,
        factor_type_code,
        factor_code,
        max(case when factor_source = 'recorded' then 1 else 0 end) as is_recorded,
        max(case when factor_source = 'process' then 1 else 0 end) as is_from_process,
        max(case when factor_source = 'protocol' then 1 else 0 end) as is_from_protocol
    from all_factors
    group by strategy_meeting_id, factor_type_code, factor_code
)

select
    strategy_meeting_id,
    factor_type_code,
    factor_code,
    case
        when is_recorded = 1 then 'recorded'
        when is_from_process = 1 then 'process'
        when is_from_protocol = 1 then 'protocol'
        else 'none recorded'
    end as factor_source
from distinct_factors
