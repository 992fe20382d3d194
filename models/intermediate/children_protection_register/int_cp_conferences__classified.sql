{#
  Every initial, pre-birth initial and transfer-in child protection conference (one row per child
  per conference, cp_conference), with the decision for each conference measure (CH/023 a-k,
  CH/025a, CH/025b, CH/027) and, where a conference is not counted, why. Conferences of every date
  are kept (collection years null outside the configured range) so that CH/028 can follow a
  registration made before the first configured year.

  Interpretations (docs/interpretations.md):
  - CH/023 a-i and CH/027 place a conference in the year by the date it was held (the registration
    decision); CH/023 j-k by the date the decision to convene it was made (the catalogue: "the
    decision to convene a conference was in the collection year"), or the date held when no
    convened date is recorded. CH/025b takes the year CH/023 gives the conference; CH/025a the date
    the conference was held.
  - A child is under 18, or unborn, on the conference date; unborn children are in CH/023 (age band
    "under age 1"), CH/025a-b and CH/027, including pre-birth conferences deciding j or k.
  - The category of a registration is the conference’s, or else that of the registration it
    created; a decision to register with no category anywhere is in no CH/023 part nor CH/027.
  - CH/025a: a pre-birth initial conference, or an initial conference held while the child was
    unborn; one per child per year (the first held).
  - CH/025b: day zero is the meeting date of the strategy meeting that initiated the section 47
    enquiry which led to the conference (section_47_enquiry.strategy_meeting_id); in time when the
    conference is at most var initial_conference_timescale_working_days (15) working days later.
#}
with

conferences as (
    select * from {{ ref('cp_conference') }}
),

people as (
    select * from {{ ref('person') }}
),

registrations as (
    select * from {{ ref('cp_registration') }}
),

enquiries as (
    select * from {{ ref('section_47_enquiry') }}
),

strategy_meetings as (
    select * from {{ ref('strategy_meeting') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

registration_categories as (
    select
        registration_conference_id as conference_id,
        min(registration_id) as registration_id,
        min(category_code) as category_code
    from registrations
    where
        registration_conference_id is not null
        and not is_recorded_in_error
    group by registration_conference_id
),

initial_conferences as (
    select
        conferences.conference_id,
        conferences.conference_group_id,
        conferences.person_id,
        conferences.conference_type_code,
        conferences.convened_date,
        conferences.conference_date,
        conferences.decision_code,
        coalesce(conferences.category_code, registration_categories.category_code) as category_code,
        registration_categories.registration_id,
        conferences.section_47_enquiry_id,
        conferences.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_birth,
        people.expected_date_of_birth,
        {{ is_unborn_on('people', 'conferences.conference_date') }} as is_unborn_at_conference,
        {{ age_on('people', 'conferences.conference_date') }} as age_at_conference,
        case
            when conferences.decision_code in ('not_registered_care_and_support', 'not_registered_no_further_needs')
                then coalesce(conferences.convened_date, conferences.conference_date)
            else conferences.conference_date
        end as ch_023_event_date,
        conferences.source_reference
    from conferences
    inner join people
        on conferences.person_id = people.person_id
    left join registration_categories
        on conferences.conference_id = registration_categories.conference_id
    where conferences.conference_type_code in ('initial', 'pre_birth_initial', 'transfer_in')
),

placed as (
    select
        initial_conferences.*,
        ch_023_year.collection_year,
        held_year.collection_year as held_collection_year
    from initial_conferences
    left join collection_years as ch_023_year
        on initial_conferences.ch_023_event_date between ch_023_year.start_date and ch_023_year.end_date
    left join collection_years as held_year
        on initial_conferences.conference_date between held_year.start_date and held_year.end_date
),

timescales as (
    select
        placed.conference_id,
        enquiries.strategy_meeting_id,
        strategy_meetings.meeting_date as strategy_meeting_date,
        enquiries.is_recorded_in_error or strategy_meetings.is_recorded_in_error as is_link_recorded_in_error,
        {{ working_days_between('meeting_day', 'conference_day') }} as working_days_from_strategy_meeting
    from placed
    inner join enquiries
        on placed.section_47_enquiry_id = enquiries.section_47_enquiry_id
    inner join strategy_meetings
        on enquiries.strategy_meeting_id = strategy_meetings.strategy_meeting_id
    left join working_days as meeting_day
        on strategy_meetings.meeting_date = meeting_day.calendar_date
    left join working_days as conference_day
        on placed.conference_date = conference_day.calendar_date
),

classified as (
    select
        placed.*,
        timescales.strategy_meeting_id,
        timescales.strategy_meeting_date,
        timescales.is_link_recorded_in_error,
        timescales.working_days_from_strategy_meeting,
        case
            when placed.is_unborn_at_conference or placed.age_at_conference < 1 then 'age_i'
            when placed.age_at_conference between 1 and 4 then 'age_ii'
            when placed.age_at_conference between 5 and 9 then 'age_iii'
            when placed.age_at_conference between 10 and 15 then 'age_iv'
            when placed.age_at_conference between 16 and 17 then 'age_v'
        end as age_band_part,
        placed.conference_type_code = 'pre_birth_initial'
        or (placed.conference_type_code = 'initial' and placed.is_unborn_at_conference) as is_pre_birth_conference,
        case
            when placed.is_recorded_in_error then 'conference recorded in error'
            when placed.is_person_recorded_in_error then 'person record created in error'
            when placed.conference_type_code = 'transfer_in'
                then 'transfer-in conference: the child was already registered by another local authority'
            when placed.date_of_birth is null and placed.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when placed.age_at_conference >= 18 then 'aged 18 or over on the conference date: not a child'
            when placed.decision_code is null then 'no conference decision recorded'
            when
                placed.decision_code
                not in ('register', 'not_registered_care_and_support', 'not_registered_no_further_needs')
                then 'decision (' || placed.decision_code || ') is not a decision on registration'
            when placed.decision_code = 'register' and placed.category_code is null
                then 'decision to register with no category of registration recorded (conference or registration)'
        end as ch_023_exclusion_reason
    from placed
    left join timescales
        on placed.conference_id = timescales.conference_id
),

pre_birth_ranked as (
    select
        conference_id,
        first_value(conference_id) over (
            partition by person_id, held_collection_year
            order by conference_date, conference_id
        ) as first_pre_birth_conference_id
    from classified
    where
        is_pre_birth_conference
        and is_unborn_at_conference
        and not is_recorded_in_error
        and not is_person_recorded_in_error
),

final as (
    select
        classified.*,
        pre_birth_ranked.first_pre_birth_conference_id,
        (
            classified.is_pre_birth_conference
            or (classified.conference_type_code = 'transfer_in' and classified.is_unborn_at_conference)
        ) as is_ch_025a_candidate,
        case
            when classified.is_recorded_in_error then 'conference recorded in error'
            when classified.is_person_recorded_in_error then 'person record created in error'
            when classified.conference_type_code = 'transfer_in'
                then 'transfer-in conference: the child was already registered by another local authority'
            when classified.date_of_birth is null and classified.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the child was unborn'
            when not classified.is_unborn_at_conference
                then 'child already born on the conference date: not a pre-birth conference'
            when pre_birth_ranked.first_pre_birth_conference_id <> classified.conference_id
                then
                    'another pre-birth conference for the same child is counted this year ('
                    || pre_birth_ranked.first_pre_birth_conference_id || ')'
        end as ch_025a_exclusion_reason,
        case
            when classified.ch_023_exclusion_reason is not null then 'not in CH/023'
            when classified.section_47_enquiry_id is null
                then 'no section 47 enquiry recorded for the conference: timescale cannot be measured'
            when classified.strategy_meeting_id is null
                then 'no strategy meeting recorded for the section 47 enquiry: timescale cannot be measured'
            when classified.is_link_recorded_in_error
                then 'the section 47 enquiry or its strategy meeting is recorded in error: timescale cannot be measured'
            when classified.working_days_from_strategy_meeting is null
                then 'strategy meeting or conference date outside the working-day calendar: cannot be timed'
            when classified.working_days_from_strategy_meeting < 0
                then 'conference dated before the strategy meeting that initiated the section 47 enquiry'
            when classified.working_days_from_strategy_meeting > {{ var('initial_conference_timescale_working_days') }}
                then
                    'conference held '
                    || cast(classified.working_days_from_strategy_meeting as {{ dbt.type_string() }})
                    || ' working days after the strategy meeting (more than '
                    || '{{ var("initial_conference_timescale_working_days") }})'
        end as ch_025b_exclusion_reason
    from classified
    left join pre_birth_ranked
        on classified.conference_id = pre_birth_ranked.conference_id
)

select
    conference_id,
    conference_group_id,
    person_id,
    conference_type_code,
    convened_date,
    conference_date,
    decision_code,
    category_code,
    registration_id,
    collection_year,
    ch_023_event_date,
    held_collection_year,
    date_of_birth,
    is_unborn_at_conference,
    age_at_conference,
    age_band_part,
    section_47_enquiry_id,
    strategy_meeting_id,
    strategy_meeting_date,
    working_days_from_strategy_meeting,
    is_pre_birth_conference,
    source_reference,
    ch_023_exclusion_reason,
    ch_023_exclusion_reason is null as is_in_ch_023,
    case
        when ch_023_exclusion_reason is not null then ch_023_exclusion_reason
        when decision_code <> 'register' then 'not a decision to register'
    end as ch_027_exclusion_reason,
    is_ch_025a_candidate,
    case
        when not is_ch_025a_candidate then 'not a pre-birth conference'
        else ch_025a_exclusion_reason
    end as ch_025a_exclusion_reason,
    ch_025b_exclusion_reason
from final
