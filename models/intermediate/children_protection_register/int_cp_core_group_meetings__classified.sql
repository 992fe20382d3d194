{#
  CH/028: every initial core group meeting held in a configured collection year, with the
  registration it serves, the conference that made that registration (conference_id) and the
  working days between them, the decision for CH/028 and, where not counted, why.

  - Day zero is the date the registering conference was held (the catalogue: "count from the date
    the child protection conference was held"), for unborn children too; a meeting on working day
    var initial_core_group_timescale_working_days (10) is in time, on day 11 it is not.
  - The registration must come from a conference counted in CH/027 (an initial or pre-birth initial
    conference deciding to register; not transfer-in, not recorded in error), in any year: a meeting
    in April after a March conference counts in the year of the meeting.
  - One initial core group meeting per registration: the first held; a later one marked initial is
    listed as not the first.
#}
with

meetings as (
    select * from {{ ref('core_group_meeting') }}
),

people as (
    select * from {{ ref('person') }}
),

registrations as (
    select * from {{ ref('cp_registration') }}
),

conferences as (
    select * from {{ ref('int_cp_conferences__classified') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

initial_meetings as (
    select
        meetings.core_group_meeting_id,
        meetings.person_id,
        meetings.registration_id,
        meetings.meeting_date,
        meetings.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        registrations.is_recorded_in_error as is_registration_recorded_in_error,
        registrations.registration_conference_id as conference_id,
        conferences.conference_date,
        conferences.ch_027_exclusion_reason,
        collection_years.collection_year,
        meetings.source_reference,
        row_number() over (
            partition by meetings.registration_id, meetings.is_recorded_in_error
            order by meetings.meeting_date, meetings.core_group_meeting_id
        ) as meeting_order
    from meetings
    inner join people
        on meetings.person_id = people.person_id
    inner join registrations
        on meetings.registration_id = registrations.registration_id
    left join conferences
        on registrations.registration_conference_id = conferences.conference_id
    left join collection_years
        on meetings.meeting_date between collection_years.start_date and collection_years.end_date
    where meetings.meeting_type_code = 'initial'
),

timed as (
    select
        initial_meetings.*,
        {{ working_days_between('conference_day', 'meeting_day') }} as working_days_from_conference
    from initial_meetings
    left join working_days as conference_day
        on initial_meetings.conference_date = conference_day.calendar_date
    left join working_days as meeting_day
        on initial_meetings.meeting_date = meeting_day.calendar_date
)

select
    core_group_meeting_id,
    person_id,
    registration_id,
    conference_id,
    conference_date,
    meeting_date,
    collection_year,
    working_days_from_conference,
    source_reference,
    case
        when is_recorded_in_error then 'core group meeting recorded in error'
        when is_person_recorded_in_error then 'person record created in error'
        when is_registration_recorded_in_error then 'registration recorded in error'
        when conference_id is null
            then 'no registering conference recorded for the registration: cannot tell it followed an initial one'
        when conference_date is null
            then 'the registering conference is not an initial or pre-birth initial conference'
        when ch_027_exclusion_reason is not null
            then 'registration not counted in CH/027: ' || ch_027_exclusion_reason
        when meeting_order > 1 then 'not the first initial core group meeting of the registration'
        when working_days_from_conference is null
            then 'conference or meeting date outside the working-day calendar: cannot be timed'
        when working_days_from_conference < 0 then 'meeting dated before the registering conference'
        when working_days_from_conference > {{ var('initial_core_group_timescale_working_days') }}
            then
                'held '
                || cast(working_days_from_conference as {{ dbt.type_string() }})
                || ' working days after the registering conference (more than '
                || '{{ var("initial_core_group_timescale_working_days") }})'
    end as ch_028_exclusion_reason
from timed
where collection_year is not null
