{#
  Every adult safeguarding strategy meeting or discussion and case conference (one row per meeting
  per adult), placed in a collection year by the date it was held, with its AS/007 part (b strategy
  meetings and discussions, c case conference meetings) and the reason it is not counted.

  Interpretations (docs/interpretations.md):
  - A meeting about several adults counts once per adult (each adult's row), as the children's
    strategy meetings count each child.
  - A strategy meeting and a strategy discussion are both part b events, each counted.
  - Review case conferences are case conference meetings (part c) unless var
    as_007_counts_review_case_conferences is false.
  - The adult is 18 or over on the day the meeting was held.
#}
with

meetings as (
    select * from {{ ref('adult_safeguarding_meeting') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

in_years as (
    select
        meetings.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'meetings.held_date') }} as age_at_meeting,
        case
            when meetings.meeting_type_code in ('strategy_meeting', 'strategy_discussion') then 'b'
            when meetings.meeting_type_code = 'case_conference' then 'c'
            {%- if var('as_007_counts_review_case_conferences') %}
                when meetings.meeting_type_code = 'review_case_conference' then 'c'
            {%- endif %}
        end as as_007_part
    from meetings
    inner join collection_years
        on meetings.held_date between collection_years.start_date and collection_years.end_date
    inner join people
        on meetings.person_id = people.person_id
),

classified as (
    select
        in_years.*,
        case
            when is_recorded_in_error then 'meeting recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when date_of_birth is null then 'no date of birth: cannot tell the person was 18 or over'
            when age_at_meeting < 18 then 'under 18 on the day the meeting was held'
            when as_007_part is null
                then 'meeting type ' || meeting_type_code || ' not counted (var as_007_counts_review_case_conferences)'
        end as as_007_exclusion_reason
    from in_years
)

select
    meeting_id,
    meeting_group_id,
    person_id,
    report_id,
    enquiry_id,
    collection_year,
    meeting_type_code,
    held_date,
    as_007_part,
    source_reference,
    as_007_exclusion_reason,
    as_007_exclusion_reason is null as is_in_as_007
from classified
