{#
  CH/029: the visits due to children on the child protection register, one row per visit due, by
  the reading of the catalogue in var cp_visits_due_method (column due_method):

  - fixed_schedule (CH/029’s worked examples): a visit is due every var
    cp_visit_interval_working_days (10) working days after day zero (the day of registration, or
    1 April for a registration open at the start of the year) while the child is registered, whatever
    visits took place: per registration and year, FLOOR(working days on the register / 10), each
    period calculated separately.
  - reset_at_visit (CH/030’s worked example, "a new visit becomes due each time a visit is entered"):
    each completed visit (CH/030a) is a visit due, and every 10 working days without a completed
    visit after day zero or the last completed visit is a missed visit due.

  Due dates are generated set-based: the working day whose working_day_number is the clock’s number
  plus k times the interval (k = 1, 2, ...), no loop. A visit due on the day of de-registration or on
  or after the 18th birthday is listed with an exclusion_reason and not counted (CH/029 exclude 3);
  due dates after 31 March fall in the next year, whose clock restarts on 1 April (and none is due
  after var extract_date, the date an in-year extract was taken, when it is set: due dates after it
  are not generated).
#}
with

registration_years as (
    select * from {{ ref('int_cp_visits__registration_years') }}
),

visit_intervals as (
    select * from {{ ref('int_cp_visits__intervals') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

counted_registration_years as (
    select
        registration_id,
        person_id,
        collection_year,
        clock_start_date,
        end_date,
        eighteenth_birthday_date,
        case
            when
                end_date <= counting_end_date
                and (eighteenth_birthday_date is null or end_date <= eighteenth_birthday_date)
                then end_date
            when eighteenth_birthday_date <= counting_end_date then eighteenth_birthday_date
            else counting_end_date
        end as last_generated_date,
        source_reference
    from registration_years
    where registration_exclusion_reason is null
),

completed_visits as (
    select
        visit_id,
        registration_id,
        person_id,
        collection_year,
        visit_date,
        source_reference
    from visit_intervals
    where is_in_ch_030a
),

{# The dates from which the clock runs: day zero, and under reset_at_visit each completed visit. #}
clock_starts as (
    {%- if var('cp_visits_due_method') == 'fixed_schedule' %}
        select
            registration_id,
            collection_year,
            'day zero' as clock_type,
            clock_start_date as clock_date,
            cast(null as date) as next_visit_date
        from counted_registration_years
    {%- elif var('cp_visits_due_method') == 'reset_at_visit' %}
        select
            counted_registration_years.registration_id,
            counted_registration_years.collection_year,
            'day zero' as clock_type,
            counted_registration_years.clock_start_date as clock_date,
            min(completed_visits.visit_date) as next_visit_date
        from counted_registration_years
        left join completed_visits
            on
                counted_registration_years.registration_id = completed_visits.registration_id
                and counted_registration_years.collection_year = completed_visits.collection_year
        group by
            counted_registration_years.registration_id,
            counted_registration_years.collection_year,
            counted_registration_years.clock_start_date

        union all

        select
            registration_id,
            collection_year,
            'completed visit' as clock_type,
            visit_date as clock_date,
            lead(visit_date) over (
                partition by registration_id, collection_year
                order by visit_date, visit_id
            ) as next_visit_date
        from completed_visits
    {%- else %}
        {{ exceptions.raise_compiler_error(
            "var cp_visits_due_method must be fixed_schedule or reset_at_visit, not "
            ~ var('cp_visits_due_method')) }}
    {%- endif %}
),

{# k = 1, 2, ... as many as a year can need: the working day numbers 1..270 of the calendar. #}
interval_numbers as (
    select working_day_number as interval_number
    from working_days
    where is_working_day and working_day_number between 1 and 270
),

scheduled as (
    select
        clock_starts.registration_id,
        clock_starts.collection_year,
        clock_starts.clock_type,
        clock_starts.clock_date,
        interval_numbers.interval_number,
        due_day.calendar_date as due_date,
        clock_starts.next_visit_date,
        counted_registration_years.person_id,
        counted_registration_years.end_date,
        counted_registration_years.eighteenth_birthday_date,
        counted_registration_years.last_generated_date,
        counted_registration_years.source_reference
    from clock_starts
    inner join counted_registration_years
        on
            clock_starts.registration_id = counted_registration_years.registration_id
            and clock_starts.collection_year = counted_registration_years.collection_year
    inner join working_days as clock_day
        on clock_starts.clock_date = clock_day.calendar_date
    inner join working_days as last_generated_day
        on counted_registration_years.last_generated_date = last_generated_day.calendar_date
    inner join interval_numbers
        on
            interval_numbers.interval_number * {{ var('cp_visit_interval_working_days') }}
            <= last_generated_day.working_day_number - clock_day.working_day_number
    inner join working_days as due_day
        on
            due_day.working_day_number
            = clock_day.working_day_number
            + interval_numbers.interval_number * {{ var('cp_visit_interval_working_days') }}
            and due_day.is_working_day
),

missed_or_scheduled as (
    select
        collection_year,
        registration_id,
        person_id,
        'visit_due' as item_type,
        registration_id || ':' || cast(due_date as {{ dbt.type_string() }}) as item_id,
        due_date,
        clock_type,
        clock_date,
        interval_number,
        case
            when due_date >= end_date then 'visit due on the day of de-registration: not counted'
            when due_date >= eighteenth_birthday_date then 'visit due on or after the 18th birthday: not a child'
        end as exclusion_reason,
        source_reference
    from scheduled
    where next_visit_date is null or due_date < next_visit_date
),

visits_as_due as (
    select
        collection_year,
        registration_id,
        person_id,
        'visit' as item_type,
        visit_id as item_id,
        visit_date as due_date,
        'completed visit' as clock_type,
        visit_date as clock_date,
        0 as interval_number,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason,
        source_reference
    from completed_visits
    {#- Under fixed_schedule a completed visit is not itself a visit due. #}
    where '{{ var("cp_visits_due_method") }}' = 'reset_at_visit'
),

visits_due as (
    select * from missed_or_scheduled
    union all
    select * from visits_as_due
)

select
    '{{ var("cp_visits_due_method") }}' as due_method,
    collection_year,
    registration_id,
    person_id,
    item_type,
    item_id,
    due_date,
    clock_type,
    clock_date,
    interval_number,
    exclusion_reason,
    source_reference
from visits_due
