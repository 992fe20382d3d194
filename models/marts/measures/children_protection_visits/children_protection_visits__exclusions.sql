{#-
  CH/029-CH/030: why a candidate record is not counted, one row per record, collection year and
  measure (unioned into measure_exclusions).
  - CH/029, item_type registration: a registration overlapping the year that gives no visit due - not
    counted (recorded in error, unborn, 18 or over, ...) or fewer working days on the register after
    day zero than the interval, under the var cp_visits_due_method in force.
  - CH/029, item_type visit_due: a visit due on the day of de-registration or on or after the 18th
    birthday.
  - CH/030, item_type visit: a child protection visit not counted in part a (the reason), or counted
    in part a but not within timescale (the reason starts "part b:").
-#}
with

registration_years as (
    select * from {{ ref('int_cp_visits__registration_years') }}
),

visits_due as (
    select * from {{ ref('int_cp_visits__due') }}
),

visit_intervals as (
    select * from {{ ref('int_cp_visits__intervals') }}
),

registrations_with_visits_due as (
    select distinct
        collection_year,
        registration_id
    from visits_due
    where exclusion_reason is null
),

registration_exclusions as (
    select
        registration_years.collection_year,
        'CH/029' as measure_code,
        'registration' as item_type,
        registration_years.registration_id as item_id,
        registration_years.person_id,
        registration_years.clock_start_date as event_date,
        coalesce(
            registration_years.registration_exclusion_reason,
            'no visit due in the year: '
            || cast(registration_years.working_days_on_register as {{ dbt.type_string() }})
            || ' working days on the register after day zero '
            || cast(registration_years.clock_start_date as {{ dbt.type_string() }})
            || ' (a visit is due every {{ var("cp_visit_interval_working_days") }} working days)'
        ) as exclusion_reason,
        registration_years.source_reference
    from registration_years
    left join registrations_with_visits_due
        on
            registration_years.registration_id = registrations_with_visits_due.registration_id
            and registration_years.collection_year = registrations_with_visits_due.collection_year
    where registrations_with_visits_due.registration_id is null
),

due_exclusions as (
    select
        collection_year,
        'CH/029' as measure_code,
        item_type,
        item_id,
        person_id,
        due_date as event_date,
        exclusion_reason,
        source_reference
    from visits_due
    where exclusion_reason is not null
),

visit_exclusions as (
    select
        collection_year,
        'CH/030' as measure_code,
        'visit' as item_type,
        visit_id as item_id,
        person_id,
        visit_date as event_date,
        coalesce(ch_030a_exclusion_reason, 'part b: ' || ch_030b_exclusion_reason) as exclusion_reason,
        source_reference
    from visit_intervals
    where ch_030a_exclusion_reason is not null or ch_030b_exclusion_reason is not null
)

select
    collection_year,
    measure_code,
    item_type,
    item_id,
    person_id,
    event_date,
    exclusion_reason,
    source_reference
from registration_exclusions
union all
select
    collection_year,
    measure_code,
    item_type,
    item_id,
    person_id,
    event_date,
    exclusion_reason,
    source_reference
from due_exclusions
union all
select
    collection_year,
    measure_code,
    item_type,
    item_id,
    person_id,
    event_date,
    exclusion_reason,
    source_reference
from visit_exclusions
