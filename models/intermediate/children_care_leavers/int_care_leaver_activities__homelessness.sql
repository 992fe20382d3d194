{#
  CH/052: every homelessness period of a care-experienced young person (care_leaver_activity of type
  homelessness) that overlaps a collection year, with the decision and, where not counted, why.

  Decisions (docs/interpretations.md):
  - A period is in a year when any day of it falls in 1 April - 31 March (exclude 4); how long it
    lasted does not matter (include 3).
  - Only the Housing (Wales) Act service-planning categories a-j count: the activity code must map to
    one of the homeless_* national codes (exclude 3).
  - The young person must be category 2, 3 or 4 (a usable status period open) and supported by a
    personal adviser (an adviser allocated on or before and not ended before) on the date the
    homelessness was reported (reported_date, else the start of the period; include 2, exclude 2);
    a period reported before the year is judged on that date.
  - Recorded in error: the period, or the person.
#}
with

activities as (
    select * from {{ ref('care_leaver_activity') }}
    where activity_type_code = 'homelessness'
),

people as (
    select * from {{ ref('person') }}
),

statuses as (
    select * from {{ ref('int_care_leavers__status_periods') }}
    where is_usable
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

in_years as (
    select
        activities.activity_id,
        activities.person_id,
        activities.activity_code,
        activities.start_date,
        activities.end_date,
        activities.reported_date,
        coalesce(activities.reported_date, activities.start_date) as judged_on_date,
        case
            when activities.start_date > collection_years.start_date then activities.start_date
            else collection_years.start_date
        end as event_date,
        activities.is_recorded_in_error,
        coalesce(people.is_recorded_in_error, false) as is_person_recorded_in_error,
        collection_years.collection_year,
        activities.source_reference
    from activities
    inner join collection_years
        on
            activities.start_date <= collection_years.end_date
            and (activities.end_date is null or activities.end_date >= collection_years.start_date)
    left join people
        on activities.person_id = people.person_id
),

care_leaver_when_reported as (
    select
        in_years.activity_id,
        in_years.collection_year,
        min(statuses.category_code) as category_code
    from in_years
    inner join statuses
        on
            in_years.person_id = statuses.person_id
            and statuses.category_number in (2, 3, 4)
            and {{ is_open_on('statuses', 'in_years.judged_on_date') }}
    group by in_years.activity_id, in_years.collection_year
),

adviser_when_reported as (
    select
        in_years.activity_id,
        in_years.collection_year,
        min(statuses.personal_adviser_allocated_date) as personal_adviser_allocated_date
    from in_years
    inner join statuses
        on
            in_years.person_id = statuses.person_id
            and in_years.judged_on_date >= statuses.personal_adviser_allocated_date
            and (
                statuses.personal_adviser_end_date is null
                or in_years.judged_on_date <= statuses.personal_adviser_end_date
            )
    group by in_years.activity_id, in_years.collection_year
),

classified as (
    select
        in_years.*,
        care_leaver_when_reported.category_code,
        adviser_when_reported.personal_adviser_allocated_date,
        case
            when in_years.is_recorded_in_error then 'homelessness period recorded in error'
            when in_years.is_person_recorded_in_error then 'person record created in error'
            when in_years.activity_code is null or substr(in_years.activity_code, 1, 9) <> 'homeless_'
                then 'not one of the homelessness categories a-j'
            when care_leaver_when_reported.category_code is null
                then 'not a category 2, 3 or 4 care leaver when the homelessness was reported'
            when adviser_when_reported.personal_adviser_allocated_date is null
                then 'not supported by a personal adviser when the homelessness was reported'
        end as ch_052_exclusion_reason
    from in_years
    left join care_leaver_when_reported
        on
            in_years.activity_id = care_leaver_when_reported.activity_id
            and in_years.collection_year = care_leaver_when_reported.collection_year
    left join adviser_when_reported
        on
            in_years.activity_id = adviser_when_reported.activity_id
            and in_years.collection_year = adviser_when_reported.collection_year
)

select
    activity_id,
    person_id,
    collection_year,
    activity_code,
    start_date,
    end_date,
    reported_date,
    judged_on_date,
    event_date,
    category_code,
    personal_adviser_allocated_date,
    source_reference,
    ch_052_exclusion_reason,
    ch_052_exclusion_reason is null as is_in_ch_052
from classified
