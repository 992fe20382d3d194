{#
  Every strategy meeting (one row per child per meeting: a meeting about three siblings is three
  rows sharing meeting_group_id) about a person not known to be an adult, placed in a collection
  year, with the decision for each strategy meeting measure (CH/020a-c, CH/021a-c, CH/033, CH/034)
  and, where a meeting is not counted, why. Measures select the counted rows; marts/return/
  measure_exclusions lists the reasons.

  Interpretations (docs/interpretations.md):
  - The date that places a meeting in a collection year (event_date) is the date it was concluded
    (its decision authorised by a practice manager or a person acting on their behalf), var
    strategy_meeting_year_date = 'concluded_date': the catalogue excludes meetings "not concluded in
    the collection year, regardless of whether they were started in that year", and counting by
    conclusion counts every meeting once (requiring both "held" and "concluded" in the same year
    would lose a meeting held on 31 March and concluded on 1 April from every year). With
    'meeting_date' a meeting is placed by the date held and must be concluded by 31 March of that
    year. A meeting not concluded is placed by the date held and excluded with a reason.
  - A child is under 18 on event_date, or unborn then (included, CH/020a include 6).
  - Initial strategy meeting (CH/020a): the first meeting of the child in its child protection
    process (safeguarding_process_id; earliest meeting date, an initial-type meeting first on the
    same day), ignoring meetings recorded in error, that the system also records as initial. A first
    meeting recorded as subsequent (an earlier meeting of the process is missing from the extract)
    is not counted, with its own reason.
  - CH/021a: any meeting, initial or not, whose decision is to progress to section 47 enquiries; two
    such meetings in one process both count (the catalogue counts "all strategy meetings" that so
    decide). Not a subset of CH/020a (catalogue).
  - CH/033 / CH/034: an exploitation factor (int_strategy_meetings__factors: recorded, or from the
    meeting’s protocol) on a meeting counted in CH/020a / CH/021a.
#}
{%- set year_date = var('strategy_meeting_year_date') %}
{%- if year_date not in ['concluded_date', 'meeting_date'] %}
    {{ exceptions.raise_compiler_error("var strategy_meeting_year_date must be concluded_date or meeting_date, not " ~ year_date) }}
{%- endif %}
with

strategy_meetings as (
    select * from {{ ref('strategy_meeting') }}
),

factors as (
    select * from {{ ref('int_strategy_meetings__factors') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

meetings_in_process_order as (
    select
        strategy_meeting_id,
        person_id,
        safeguarding_process_id,
        row_number() over (
            partition by person_id, safeguarding_process_id
            order by
                meeting_date,
                case when meeting_type_code = 'initial' then 0 else 1 end,
                strategy_meeting_id
        ) as meeting_number_in_process
    from strategy_meetings
    where not is_recorded_in_error
),

first_meetings_in_process as (
    select
        person_id,
        safeguarding_process_id,
        strategy_meeting_id as first_meeting_in_process_id
    from meetings_in_process_order
    where meeting_number_in_process = 1
),

exploitation_meetings as (
    select distinct strategy_meeting_id
    from factors
    where factor_type_code = 'exploitation'
),

meetings_dated as (
    select
        strategy_meetings.*,
        {%- if year_date == 'concluded_date' %}
            coalesce(strategy_meetings.concluded_date, strategy_meetings.meeting_date) as event_date
        {%- else %}
            strategy_meetings.meeting_date as event_date
        {%- endif %}
    from strategy_meetings
),

meetings_in_years as (
    select
        meetings_dated.*,
        collection_years.collection_year,
        collection_years.end_date as collection_year_end_date,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ is_unborn_on('people', 'meetings_dated.event_date') }} as is_unborn,
        {{ age_on('people', 'meetings_dated.event_date') }} as age_at_event
    from meetings_dated
    inner join collection_years
        on meetings_dated.event_date between collection_years.start_date and collection_years.end_date
    inner join people
        on meetings_dated.person_id = people.person_id
),

child_candidates as (
    select * from meetings_in_years
    where age_at_event is null or age_at_event < 18
),

common_reasons as (
    select
        child_candidates.*,
        first_meetings_in_process.first_meeting_in_process_id,
        exploitation_meetings.strategy_meeting_id is not null as has_exploitation_factor,
        case
            when child_candidates.is_recorded_in_error then 'strategy meeting recorded in error'
            when child_candidates.is_person_recorded_in_error then 'person record created in error'
            when child_candidates.date_of_birth is null and child_candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when child_candidates.concluded_date is null
                then 'not concluded: decision not authorised by a practice manager (no concluded date)'
            {%- if year_date == 'meeting_date' %}
                when child_candidates.concluded_date > child_candidates.collection_year_end_date
                    then 'not concluded by the end of the collection year in which it was held'
            {%- endif %}
        end as common_exclusion_reason
    from child_candidates
    left join first_meetings_in_process
        on
            child_candidates.person_id = first_meetings_in_process.person_id
            and child_candidates.safeguarding_process_id = first_meetings_in_process.safeguarding_process_id
    left join exploitation_meetings
        on child_candidates.strategy_meeting_id = exploitation_meetings.strategy_meeting_id
),

classified as (
    select
        common_reasons.*,
        case
            when common_exclusion_reason is not null then common_exclusion_reason
            when strategy_meeting_id <> first_meeting_in_process_id
                then 'not the first strategy meeting in its child protection process (see first_meeting_in_process_id)'
            when meeting_type_code <> 'initial'
                then 'first meeting of its child protection process in the extract but recorded as a subsequent meeting'
        end as ch_020a_exclusion_reason,
        case
            when common_exclusion_reason is not null then common_exclusion_reason
            when decision_code is null then 'no decision recorded'
            when decision_code <> 'section_47_enquiry'
                then 'decision was ' || decision_code || ', not to progress to section 47 enquiries'
        end as ch_021a_exclusion_reason
    from common_reasons
)

select
    strategy_meeting_id,
    meeting_group_id,
    person_id,
    safeguarding_process_id,
    collection_year,
    meeting_type_code,
    protocol_code,
    meeting_date,
    concluded_date,
    event_date,
    decision_code,
    first_meeting_in_process_id,
    age_at_event,
    is_unborn,
    has_exploitation_factor,
    source_reference,
    ch_020a_exclusion_reason,
    ch_020a_exclusion_reason is null as is_in_ch_020a,
    ch_021a_exclusion_reason,
    ch_021a_exclusion_reason is null as is_in_ch_021a,
    case
        when ch_020a_exclusion_reason is not null then 'not in CH/020a'
        when not has_exploitation_factor
            then 'no child exploitation factor (sexual, criminal, trafficking) recorded'
    end as ch_033_exclusion_reason,
    case
        when ch_021a_exclusion_reason is not null then 'not in CH/021a'
        when not has_exploitation_factor
            then 'no child exploitation factor (sexual, criminal, trafficking) recorded'
    end as ch_034_exclusion_reason
from classified
