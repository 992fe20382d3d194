{#
  Every section 47 enquiry (one row per child per enquiry) about a person not known to be an adult,
  placed in a collection year by the date it was completed (an open enquiry by its start date), with
  whether it progressed to an initial child protection conference and the decision for CH/022.

  Interpretations (docs/interpretations.md):
  - CH/022 counts enquiries completed (outcome authorised) in the year whose outcome is to progress
    to an initial child protection conference; the enquiry may have started in an earlier year
    (include 5). A child is under 18 on the completion date, or unborn then (include 3).
  - With var section_47_linked_conference_counts_as_progressed (default true), an enquiry with no
    outcome recorded but an initial or pre-birth initial conference (not recorded in error) linked to
    it has progressed to conference: the conference is the evidence. A recorded outcome other than
    conference is not overridden; the reason names the linked conference so the record can be checked.
  - An open enquiry (no completed date) is listed in the year it started, with a reason.
#}
with

enquiries as (
    select * from {{ ref('section_47_enquiry') }}
),

conferences as (
    select * from {{ ref('cp_conference') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

linked_initial_conferences as (
    select
        section_47_enquiry_id,
        min(conference_id) as initial_conference_id
    from conferences
    where
        conference_type_code in ('initial', 'pre_birth_initial')
        and not is_recorded_in_error
        and section_47_enquiry_id is not null
    group by section_47_enquiry_id
),

enquiries_dated as (
    select
        enquiries.*,
        coalesce(enquiries.completed_date, enquiries.start_date) as event_date
    from enquiries
),

enquiries_in_years as (
    select
        enquiries_dated.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ is_unborn_on('people', 'enquiries_dated.event_date') }} as is_unborn,
        {{ age_on('people', 'enquiries_dated.event_date') }} as age_at_event
    from enquiries_dated
    inner join collection_years
        on enquiries_dated.event_date between collection_years.start_date and collection_years.end_date
    inner join people
        on enquiries_dated.person_id = people.person_id
),

child_candidates as (
    select * from enquiries_in_years
    where age_at_event is null or age_at_event < 18
),

classified as (
    select
        child_candidates.*,
        linked_initial_conferences.initial_conference_id,
        case
            when child_candidates.is_recorded_in_error then 'section 47 enquiry recorded in error'
            when child_candidates.is_person_recorded_in_error then 'person record created in error'
            when child_candidates.date_of_birth is null and child_candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when child_candidates.completed_date is null then 'not completed (no completed date)'
            when child_candidates.outcome_code = 'initial_conference' then null
            {%- if var('section_47_linked_conference_counts_as_progressed') %}
                when
                    child_candidates.outcome_code is null
                    and linked_initial_conferences.initial_conference_id is not null
                    then null
            {%- endif %}
            when child_candidates.outcome_code is null then 'no outcome recorded'
            when linked_initial_conferences.initial_conference_id is not null
                then
                    'outcome was ' || child_candidates.outcome_code
                    || ', not to progress to an initial child protection conference, yet initial conference '
                    || linked_initial_conferences.initial_conference_id || ' is linked to it: check the outcome'
            else
                'outcome was ' || child_candidates.outcome_code
                || ', not to progress to an initial child protection conference'
        end as ch_022_exclusion_reason
    from child_candidates
    left join linked_initial_conferences
        on child_candidates.section_47_enquiry_id = linked_initial_conferences.section_47_enquiry_id
)

select
    section_47_enquiry_id,
    person_id,
    strategy_meeting_id,
    collection_year,
    start_date,
    completed_date,
    event_date,
    outcome_code,
    initial_conference_id,
    age_at_event,
    is_unborn,
    source_reference,
    ch_022_exclusion_reason,
    ch_022_exclusion_reason is null as is_in_ch_022
from classified
