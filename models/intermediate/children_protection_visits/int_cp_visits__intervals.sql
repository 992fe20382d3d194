{#
  CH/030: every child protection visit (visit_type_code child_protection) dated in a configured
  collection year, with the registration it falls in, whether it counts as completed (part a) and
  the working days since the clock last started (part b), and where it does not count, why.

  - The registration: a period on the register (int_cp_visits__registration_years) of the same child
    with start_date <= visit date <= end date. A visit on the day of de-registration is not counted
    (CH/029 exclude 3, applied to CH/030 alike); a visit on the day of registration is.
  - Completed (part a): outcome completed and the child seen (CH/030 exclude 3: no answer, child not
    seen ...); a virtual visit only when a risk assessment recommended it; seen alone only when var
    cp_visits_require_child_seen_alone.
  - Clock (part b): day zero (registration, or 1 April for a registration open at the start of the
    year), then each completed visit of the same registration and year resets it (CH/030 include 4);
    unsuccessful visits do not. A visit at most var cp_visit_interval_working_days (10) working days
    after the clock started is within timescale: day 10 is in time, day 11 is not.
#}
with

visits as (
    select * from {{ ref('visit') }}
),

people as (
    select * from {{ ref('person') }}
),

registration_years as (
    select * from {{ ref('int_cp_visits__registration_years') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

candidates as (
    select
        visits.visit_id,
        visits.person_id,
        collection_years.collection_year,
        visits.visit_date,
        visits.outcome_code,
        visits.is_child_seen,
        visits.is_child_seen_alone,
        visits.is_virtual,
        visits.is_virtual_risk_assessed,
        visits.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_birth,
        people.expected_date_of_birth,
        {{ is_unborn_on('people', 'visits.visit_date') }} as is_unborn_at_visit,
        {{ age_on('people', 'visits.visit_date') }} as age_at_visit,
        visits.source_reference
    from visits
    inner join people
        on visits.person_id = people.person_id
    inner join collection_years
        on visits.visit_date between collection_years.start_date and collection_years.end_date
    where visits.visit_type_code = 'child_protection'
),

matched_registrations as (
    select
        candidates.visit_id,
        registration_years.registration_id,
        registration_years.clock_start_date,
        registration_years.end_date,
        registration_years.registration_exclusion_reason,
        row_number() over (
            partition by candidates.visit_id
            order by
                case
                    when registration_years.end_date is null or candidates.visit_date < registration_years.end_date
                        then 0
                    else 1
                end asc,
                case when registration_years.registration_exclusion_reason is null then 0 else 1 end asc,
                registration_years.start_date desc,
                registration_years.registration_id asc
        ) as match_rank
    from candidates
    inner join registration_years
        on
            candidates.person_id = registration_years.person_id
            and candidates.collection_year = registration_years.collection_year
            and candidates.visit_date >= registration_years.start_date
            and (registration_years.end_date is null or candidates.visit_date <= registration_years.end_date)
),

classified as (
    select
        candidates.*,
        matched_registrations.registration_id,
        matched_registrations.clock_start_date,
        matched_registrations.end_date as deregistration_date,
        case
            when candidates.is_recorded_in_error then 'visit recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.date_of_birth is null and candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when candidates.is_unborn_at_visit
                then 'child unborn on the visit date: unborn children are not included'
            when candidates.age_at_visit >= 18 then 'aged 18 or over on the visit date: not a child'
            when matched_registrations.registration_id is null
                then 'child not on the child protection register on the visit date'
            when candidates.visit_date = matched_registrations.end_date
                then 'visit on the day of de-registration: not counted'
            when matched_registrations.registration_exclusion_reason is not null
                then 'registration not counted: ' || matched_registrations.registration_exclusion_reason
            when candidates.outcome_code is null or candidates.outcome_code <> 'completed'
                then 'visit not successful (outcome: ' || coalesce(candidates.outcome_code, 'not recorded') || ')'
            when not candidates.is_child_seen then 'visit not successful: child not seen'
            when candidates.is_virtual and not candidates.is_virtual_risk_assessed
                then 'virtual visit not recommended by a risk assessment: child not seen'
            {%- if var('cp_visits_require_child_seen_alone') %}
                when not candidates.is_child_seen_alone
                    then 'child not seen alone (var cp_visits_require_child_seen_alone)'
            {%- endif %}
        end as ch_030a_exclusion_reason
    from candidates
    left join matched_registrations
        on
            candidates.visit_id = matched_registrations.visit_id
            and matched_registrations.match_rank = 1
),

completed_visits as (
    select
        visit_id,
        registration_id,
        collection_year,
        visit_date,
        clock_start_date,
        lag(visit_date) over (
            partition by registration_id, collection_year
            order by visit_date, visit_id
        ) as previous_visit_date
    from classified
    where ch_030a_exclusion_reason is null
),

timed_visits as (
    select
        completed_visits.visit_id,
        completed_visits.previous_visit_date,
        coalesce(completed_visits.previous_visit_date, completed_visits.clock_start_date) as clock_date,
        {{ working_days_between('clock_day', 'visit_day') }} as working_days_since_clock
    from completed_visits
    left join working_days as clock_day
        on coalesce(completed_visits.previous_visit_date, completed_visits.clock_start_date) = clock_day.calendar_date
    left join working_days as visit_day
        on completed_visits.visit_date = visit_day.calendar_date
)

select
    classified.visit_id,
    classified.person_id,
    classified.collection_year,
    classified.visit_date,
    classified.registration_id,
    classified.clock_start_date,
    classified.deregistration_date,
    classified.outcome_code,
    classified.is_child_seen,
    classified.is_child_seen_alone,
    classified.is_virtual,
    classified.is_virtual_risk_assessed,
    classified.is_unborn_at_visit,
    classified.age_at_visit,
    timed_visits.previous_visit_date,
    timed_visits.clock_date,
    timed_visits.working_days_since_clock,
    classified.source_reference,
    classified.ch_030a_exclusion_reason,
    classified.ch_030a_exclusion_reason is null as is_in_ch_030a,
    case
        when classified.ch_030a_exclusion_reason is not null then 'not in CH/030a'
        when timed_visits.working_days_since_clock is null
            then 'working days unknown: visit or clock date outside the working-day calendar'
        when timed_visits.working_days_since_clock > {{ var('cp_visit_interval_working_days') }}
            then
                'not within {{ var("cp_visit_interval_working_days") }} working days: '
                || cast(timed_visits.working_days_since_clock as {{ dbt.type_string() }})
                || ' working days after '
                || case
                    when timed_visits.previous_visit_date is null
                        then 'day zero (registration or 1 April) '
                    else 'the previous completed visit '
                end
                || cast(timed_visits.clock_date as {{ dbt.type_string() }})
    end as ch_030b_exclusion_reason
from classified
left join timed_visits
    on classified.visit_id = timed_visits.visit_id
