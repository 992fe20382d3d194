{#
  CH/029-CH/030: every registration on the child protection register (cp_registration, including
  those recorded in error, so they can be listed with a reason) in every configured collection year
  it overlaps (registration date <= 31 March and de-registration, if any, >= 1 April), with the
  window in which visits are due and counted.

  - Day zero (clock_start_date): the day the child counts as on the register
    (int_cp_registrations__periods.start_date: the registration date, or the date of birth for a
    pre-birth registration), or 1 April for a registration open at the start of the year
    (CH/029 include 2, CH/030 calculation 1).
  - last_counted_date: the last day a visit is due or counted - 31 March, the day before
    de-registration (CH/029 exclude 3: not on the day of de-registration) or the day before the 18th
    birthday, whichever is first. The 18th birthday of a child born on 29 February is 1 March.
  - working_days_on_register: working days after day zero up to and including last_counted_date;
    fixed_schedule_visits_due = FLOOR(working_days_on_register / var cp_visit_interval_working_days),
    each period calculated separately (CH/029 worked examples).
  - counting_end_date: 31 March, or var extract_date (macro extract_date: the date the extract of
    an in-year run was taken) when that is earlier: no visit is due after it. A year starting after
    the extract date has no working days on the register and no visit due.
  - registration_exclusion_reason: why the registration gives no visits due and its visits are not
    counted (null = it counts). Unborn children are not included (CH/029, CH/030 exclude 2); temporary
    registrations count unless var cp_visits_exclude_temporary_registrations.
#}
with

registrations as (
    select * from {{ ref('cp_registration') }}
),

periods as (
    select * from {{ ref('int_cp_registrations__periods') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

registration_years as (
    select
        registrations.registration_id,
        registrations.person_id,
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        registrations.registration_date,
        periods.start_date,
        registrations.deregistration_date as end_date,
        registrations.is_temporary,
        registrations.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_birth,
        people.expected_date_of_birth,
        {{ is_unborn_on('people', 'registrations.registration_date') }} as is_pre_birth,
        cast(
            {{ dbt.dateadd('day', 1, add_months(dbt.dateadd('day', -1, 'people.date_of_birth'), 216)) }}
            as date
        ) as eighteenth_birthday_date,
        registrations.source_reference
    from registrations
    inner join people
        on registrations.person_id = people.person_id
    left join periods
        on registrations.registration_id = periods.registration_id
    inner join collection_years
        on
            registrations.registration_date <= collection_years.end_date
            and (
                registrations.deregistration_date is null
                or registrations.deregistration_date >= collection_years.start_date
            )
),

windows as (
    select
        registration_years.*,
        case
            when registration_years.year_end_date > {{ extract_date() }}
                then {{ extract_date() }}
            else registration_years.year_end_date
        end as counting_end_date,
        case
            when registration_years.start_date > registration_years.year_start_date
                then registration_years.start_date
            else registration_years.year_start_date
        end as clock_start_date,
        cast(
            {{ dbt.dateadd('day', -1, 'registration_years.end_date') }} as date
        ) as day_before_deregistration_date,
        cast(
            {{ dbt.dateadd('day', -1, 'registration_years.eighteenth_birthday_date') }} as date
        ) as day_before_eighteenth_birthday_date
    from registration_years
),

bounded as (
    select
        windows.*,
        case
            when
                windows.day_before_deregistration_date < windows.counting_end_date
                and (
                    windows.day_before_eighteenth_birthday_date is null
                    or windows.day_before_deregistration_date <= windows.day_before_eighteenth_birthday_date
                )
                then windows.day_before_deregistration_date
            when windows.day_before_eighteenth_birthday_date < windows.counting_end_date
                then windows.day_before_eighteenth_birthday_date
            else windows.counting_end_date
        end as last_counted_date
    from windows
),

classified as (
    select
        bounded.*,
        case
            when bounded.last_counted_date > bounded.clock_start_date
                then {{ working_days_between('clock_start_day', 'last_counted_day') }}
            else 0
        end as working_days_on_register,
        case
            when bounded.is_recorded_in_error then 'registration recorded in error'
            when bounded.is_person_recorded_in_error then 'person record created in error'
            when bounded.date_of_birth is null and bounded.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when bounded.start_date is null and bounded.end_date is not null
                then 'pre-birth registration ended before the child was born: unborn children are not included'
            when bounded.start_date is null or bounded.start_date > bounded.year_end_date
                then
                    'unborn throughout the year on the register (pre-birth registration): '
                    || 'unborn children are not included'
            when bounded.eighteenth_birthday_date <= bounded.clock_start_date
                then 'aged 18 or over throughout the year on the register: not a child'
            {%- if var('cp_visits_exclude_temporary_registrations') %}
                when bounded.is_temporary
                    then
                        'temporary registration of a child from another local authority '
                        || '(var cp_visits_exclude_temporary_registrations)'
            {%- endif %}
        end as registration_exclusion_reason
    from bounded
    left join working_days as clock_start_day
        on bounded.clock_start_date = clock_start_day.calendar_date
    left join working_days as last_counted_day
        on bounded.last_counted_date = last_counted_day.calendar_date
)

select
    registration_id,
    person_id,
    collection_year,
    year_start_date,
    year_end_date,
    counting_end_date,
    registration_date,
    start_date,
    end_date,
    is_pre_birth,
    is_temporary,
    date_of_birth,
    eighteenth_birthday_date,
    clock_start_date,
    last_counted_date,
    working_days_on_register,
    cast(
        floor(working_days_on_register / {{ var('cp_visit_interval_working_days') }}.0) as integer
    ) as fixed_schedule_visits_due,
    registration_exclusion_reason,
    source_reference
from classified
