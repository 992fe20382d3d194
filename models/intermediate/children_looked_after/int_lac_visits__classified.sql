{#
  CH/042 a-b: every looked-after visit (visit type looked_after: statutory visits, short-break visits,
  visits after a section 30A notice) dated in a configured collection year, with the clock it falls
  in (int_lac_visits__clocks: the placement, or the short-break series, the child was in on the visit
  date - from its start, before its end; the day a child moves belongs to the new placement, the day
  care ends to none), whether it counts (part a) and whether it was within the statutory interval
  (part b), and where not, why.

  - Part a: outcome completed and the child seen (a visit recorded on the system is a statutory visit,
    assumption 1); the child looked after on the visit date in a counted clock (not a period of care
    under 7 days, exclude 3); under 18; not in error.
  - Part b: the calendar days since the reference - the previous part a visit of the same clock (in
    any year: the catalogue calculates from the last visit of the previous year) or, for the first
    visit, day zero of the clock - are at most the interval in force on the visit date
    (int_lac_visits__cycles; the worked example judges visit 3 by the 28-day interval the first review
    brought in before it, and visit 5 by the 6-weekly interval of the approved carer): the first visit
    of a clock within var lac_visit_first_visit_days (7) days of day zero; months as calendar months.
#}
with

visits as (
    select * from {{ ref('visit') }}
),

people as (
    select * from {{ ref('person') }}
),

clocks as (
    select * from {{ ref('int_lac_visits__clocks') }}
),

cycles as (
    select * from {{ ref('int_lac_visits__cycles') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

candidates as (
    select
        visits.visit_id,
        visits.person_id,
        collection_years.collection_year,
        visits.visit_date,
        visits.outcome_code,
        visits.is_child_seen,
        visits.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_birth,
        {{ age_on('people', 'visits.visit_date') }} as age_at_visit,
        visits.source_reference
    from visits
    inner join people
        on visits.person_id = people.person_id
    inner join collection_years
        on visits.visit_date between collection_years.start_date and collection_years.end_date
    where visits.visit_type_code = 'looked_after'
),

matched_clocks as (
    select
        candidates.visit_id,
        clocks.clock_id,
        clocks.clock_zero_date,
        clocks.clock_exclusion_reason,
        row_number() over (
            partition by candidates.visit_id
            order by
                case when clocks.clock_exclusion_reason is null then 0 else 1 end,
                clocks.start_date desc,
                clocks.clock_id desc
        ) as match_rank
    from candidates
    inner join clocks
        on
            candidates.person_id = clocks.person_id
            and candidates.visit_date >= clocks.start_date
            and (clocks.end_date is null or candidates.visit_date < clocks.end_date)
),

classified as (
    select
        candidates.*,
        matched_clocks.clock_id,
        matched_clocks.clock_zero_date,
        case
            when candidates.is_recorded_in_error then 'visit recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.date_of_birth is null then 'no date of birth: cannot tell the person is a child'
            when candidates.age_at_visit >= 18 then 'aged 18 or over on the visit date: not a child'
            when matched_clocks.clock_id is null then 'child not looked after on the visit date'
            when matched_clocks.clock_exclusion_reason is not null
                then 'not counted: ' || matched_clocks.clock_exclusion_reason
            when candidates.outcome_code is null or candidates.outcome_code <> 'completed'
                then 'visit not completed (outcome: ' || coalesce(candidates.outcome_code, 'not recorded') || ')'
            when not candidates.is_child_seen then 'visit not completed: child not seen'
        end as ch_042a_exclusion_reason
    from candidates
    left join matched_clocks
        on
            candidates.visit_id = matched_clocks.visit_id
            and matched_clocks.match_rank = 1
),

completed as (
    select
        visit_id,
        clock_id,
        visit_date,
        clock_zero_date,
        lag(visit_date) over (partition by clock_id order by visit_date, visit_id) as previous_visit_date
    from classified
    where ch_042a_exclusion_reason is null
),

cycle_in_force as (
    select
        completed.visit_id,
        cycles.interval_days,
        cycles.interval_months,
        cycles.regime,
        row_number() over (
            partition by completed.visit_id order by cycles.cycle_start_date desc
        ) as cycle_rank
    from completed
    inner join cycles
        on
            completed.clock_id = cycles.clock_id
            and completed.visit_date >= cycles.cycle_start_date
),

timed as (
    select
        completed.visit_id,
        completed.previous_visit_date,
        coalesce(completed.previous_visit_date, completed.clock_zero_date) as reference_date,
        cast(
            {{ dbt.dateadd('day', var('lac_visit_first_visit_days'), 'completed.clock_zero_date') }} as date
        ) as first_visit_deadline_date,
        cycle_in_force.regime,
        cycle_in_force.interval_days,
        cycle_in_force.interval_months,
        completed.visit_date
    from completed
    left join cycle_in_force
        on
            completed.visit_id = cycle_in_force.visit_id
            and cycle_in_force.cycle_rank = 1
),

judged as (
    select
        visit_id,
        previous_visit_date,
        reference_date,
        {{ dbt.datediff('reference_date', 'visit_date', 'day') }} as days_since_reference,  -- noqa: LT05
        regime,
        case
            when previous_visit_date is null then {{ var('lac_visit_first_visit_days') }}
            else interval_days
        end as allowed_days,
        case when previous_visit_date is not null then interval_months end as allowed_months,
        case
            when previous_visit_date is null then visit_date <= first_visit_deadline_date
            when interval_months is not null
                then visit_date <= {{ add_months('previous_visit_date', 'interval_months') }}
            else {{ dbt.datediff('previous_visit_date', 'visit_date', 'day') }} <= interval_days  -- noqa: LT05
        end as is_in_time
    from timed
)

select
    classified.visit_id,
    classified.person_id,
    classified.collection_year,
    classified.visit_date,
    classified.clock_id,
    classified.outcome_code,
    classified.is_child_seen,
    classified.age_at_visit,
    timed.previous_visit_date,
    timed.reference_date,
    timed.days_since_reference,
    timed.regime,
    timed.allowed_days,
    timed.allowed_months,
    classified.ch_042a_exclusion_reason,
    classified.ch_042a_exclusion_reason is null as is_in_ch_042a,
    case
        when classified.ch_042a_exclusion_reason is not null then 'not in CH/042a'
        when not coalesce(timed.is_in_time, false)
            then
                'not within statutory timescale: ' || cast(timed.days_since_reference as {{ dbt.type_string() }})
                || ' days after '
                || case when timed.previous_visit_date is null then 'day zero ' else 'the previous visit ' end
                || cast(timed.reference_date as {{ dbt.type_string() }}) || ' (allowed: '
                || coalesce(
                    cast(timed.allowed_days as {{ dbt.type_string() }}) || ' days',
                    cast(timed.allowed_months as {{ dbt.type_string() }}) || ' months',
                    'unknown'
                ) || ')'
    end as ch_042b_exclusion_reason,
    classified.source_reference
from classified
left join judged as timed
    on classified.visit_id = timed.visit_id
