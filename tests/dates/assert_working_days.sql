{#
  Pins the working_days seed and the working_days_between() pattern on known dates: a Friday
  before a bank holiday Monday, a Saturday, Christmas and New Year 2025-26, Easter 2026, the 2022
  Platinum Jubilee and State Funeral, the 2023 Coronation. Also checks the whole calendar is
  self-consistent (running number steps by is_working_day, next_working_day is the next working
  day, collection_year agrees with the macros). Returns one row per failing check.
#}
with working_days as (

    select * from {{ ref('working_days') }}

),

day_cases as (

    select
        cast(case_date as date) as case_date,
        expected_is_working_day,
        expected_is_bank_holiday,
        cast(expected_next_working_day as date) as expected_next_working_day,
        case_description
    from (
        values
        ('2025-05-02', true, false, '2025-05-06', 'Friday before May Day 2025'),
        ('2025-05-03', false, false, '2025-05-06', 'a Saturday'),
        ('2025-05-05', false, true, '2025-05-06', 'May Day 2025'),
        ('2025-12-24', true, false, '2025-12-29', 'Christmas Eve 2025'),
        ('2025-12-25', false, true, '2025-12-29', 'Christmas Day 2025'),
        ('2025-12-26', false, true, '2025-12-29', 'Boxing Day 2025'),
        ('2025-12-31', true, false, '2026-01-02', 'New Year''s Eve 2025'),
        ('2026-01-01', false, true, '2026-01-02', 'New Year''s Day 2026'),
        ('2026-04-02', true, false, '2026-04-07', 'Thursday before Easter 2026'),
        ('2026-04-03', false, true, '2026-04-07', 'Good Friday 2026'),
        ('2026-04-06', false, true, '2026-04-07', 'Easter Monday 2026'),
        ('2022-06-01', true, false, '2022-06-06', 'before the Platinum Jubilee 2022'),
        ('2022-06-02', false, true, '2022-06-06', 'Spring bank holiday 2022'),
        ('2022-06-03', false, true, '2022-06-06', 'Platinum Jubilee 2022'),
        ('2022-09-16', true, false, '2022-09-20', 'Friday before the State Funeral 2022'),
        ('2022-09-19', false, true, '2022-09-20', 'State Funeral 2022'),
        ('2023-05-05', true, false, '2023-05-09', 'Friday before the Coronation 2023'),
        ('2023-05-08', false, true, '2023-05-09', 'Coronation 2023'),
        ('2022-12-25', false, false, '2022-12-28', 'Christmas Day 2022, a Sunday (substitute 27th)'),
        ('2022-12-27', false, true, '2022-12-28', 'Christmas substitute day 2022')
    ) as cases (
        case_date,
        expected_is_working_day,
        expected_is_bank_holiday,
        expected_next_working_day,
        case_description
    )

),

interval_cases as (

    select
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date,
        expected_working_days,
        case_description
    from (
        values
        ('2025-05-02', '2025-05-06', 1, 'Friday to Tuesday over May Day'),
        ('2025-05-02', '2025-05-02', 0, 'same day'),
        ('2025-05-03', '2025-05-05', 0, 'Saturday to the bank holiday Monday'),
        ('2025-05-03', '2025-05-06', 1, 'Saturday to Tuesday after May Day'),
        ('2025-05-06', '2025-05-02', -1, 'end before start'),
        ('2025-12-24', '2026-01-02', 4, 'Christmas and New Year 2025-26'),
        ('2026-04-02', '2026-04-07', 1, 'Easter 2026'),
        ('2026-03-31', '2026-04-01', 1, '31 March to 1 April'),
        ('2022-06-01', '2022-06-06', 1, 'Platinum Jubilee 2022'),
        ('2022-09-16', '2022-09-20', 1, 'State Funeral 2022'),
        ('2023-05-05', '2023-05-09', 1, 'Coronation 2023'),
        ('2025-06-02', '2025-06-30', 20, 'June 2025, no bank holidays')
    ) as cases (start_date, end_date, expected_working_days, case_description)

),

day_failures as (

    select
        'day' as check_name,
        day_cases.case_description,
        day_cases.case_date as start_date,
        cast(null as date) as end_date
    from day_cases
    left join working_days
        on day_cases.case_date = working_days.calendar_date
    where
        working_days.calendar_date is null
        or working_days.is_working_day <> day_cases.expected_is_working_day
        or working_days.is_bank_holiday <> day_cases.expected_is_bank_holiday
        or working_days.next_working_day <> day_cases.expected_next_working_day

),

interval_failures as (

    select
        'working_days_between' as check_name,
        interval_cases.case_description,
        interval_cases.start_date,
        interval_cases.end_date
    from interval_cases
    left join working_days as start_day
        on interval_cases.start_date = start_day.calendar_date
    left join working_days as end_day
        on interval_cases.end_date = end_day.calendar_date
    where
        {{ working_days_between('start_day', 'end_day') }} is null
        or {{ working_days_between('start_day', 'end_day') }}
        <> interval_cases.expected_working_days

),

running_number_failures as (

    select
        'working_day_number steps by is_working_day' as check_name,
        'consecutive dates' as case_description,
        previous_day.calendar_date as start_date,
        this_day.calendar_date as end_date
    from working_days as this_day
    inner join working_days as previous_day
        on previous_day.calendar_date = cast({{ dbt.dateadd('day', -1, 'this_day.calendar_date') }} as date)
    where
        {{ working_days_between('previous_day', 'this_day') }}
        <> case when this_day.is_working_day then 1 else 0 end

),

next_working_day_failures as (

    select
        'next_working_day is the next working day' as check_name,
        'every date' as case_description,
        this_day.calendar_date as start_date,
        this_day.next_working_day as end_date
    from working_days as this_day
    left join working_days as next_day
        on this_day.next_working_day = next_day.calendar_date
    where
        this_day.next_working_day <= this_day.calendar_date
        or (
            next_day.calendar_date is not null
            and (
                not next_day.is_working_day
                or {{ working_days_between('this_day', 'next_day') }} <> 1
            )
        )

),

flag_failures as (

    select
        'flags and collection year agree' as check_name,
        'every date' as case_description,
        calendar_date as start_date,
        cast(null as date) as end_date
    from working_days
    where
        is_working_day <> (not is_weekend and not is_bank_holiday)
        or (is_bank_holiday and is_weekend)
        or (is_bank_holiday <> (bank_holiday_name is not null))
        or is_weekend <> (day_of_week in (6, 7))
        or collection_year <> {{ collection_year_label(collection_year_start('calendar_date')) }}

),

all_failures as (

    select check_name, case_description, start_date, end_date from day_failures
    union all
    select check_name, case_description, start_date, end_date from interval_failures
    union all
    select check_name, case_description, start_date, end_date from running_number_failures
    union all
    select check_name, case_description, start_date, end_date from next_working_day_failures
    union all
    select check_name, case_description, start_date, end_date from flag_failures

)

select
    check_name,
    case_description,
    start_date,
    end_date
from all_failures
