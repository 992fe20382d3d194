{#
  Pins the date macros (age_at, collection_year_start, collection_year_label, add_months) on
  literal cases: 31 March / 1 April, a birthday on the day, 29 February birthdays (UK rule: a new
  age on 1 March in a non-leap year), leap years, month ends. Returns one row per case where a
  macro’s result differs from the expected value; no rows means every macro behaves as documented.
#}
with age_cases as (

    select
        cast(date_of_birth as date) as date_of_birth,
        cast(on_date as date) as on_date,
        expected_age,
        case_description
    from (
        values
        ('2008-06-15', '2026-06-14', 17, 'day before the 18th birthday'),
        ('2008-06-15', '2026-06-15', 18, '18th birthday counts on the day'),
        ('2008-06-15', '2026-06-16', 18, 'day after the 18th birthday'),
        ('2008-02-29', '2026-02-28', 17, '29 Feb birthday, non-leap year, 28 Feb: not yet'),
        ('2008-02-29', '2026-03-01', 18, '29 Feb birthday, non-leap year: new age on 1 March'),
        ('2008-02-29', '2028-02-28', 19, '29 Feb birthday, leap year, 28 Feb: not yet'),
        ('2008-02-29', '2028-02-29', 20, '29 Feb birthday, leap year: new age on 29 Feb'),
        ('2008-03-01', '2028-02-29', 19, '1 March birthday, on 29 Feb of a leap year: not yet'),
        ('2008-03-01', '2028-03-01', 20, '1 March birthday on the day'),
        ('2009-04-01', '2027-03-31', 17, 'born 1 April, on 31 March'),
        ('2009-04-01', '2027-04-01', 18, 'born 1 April, on 1 April'),
        ('2009-03-31', '2027-03-31', 18, 'born 31 March, on 31 March'),
        ('2007-12-31', '2026-01-01', 18, 'across a year end, after the birthday'),
        ('2008-01-01', '2025-12-31', 17, 'across a year end, before the birthday'),
        ('2026-01-01', '2026-01-01', 0, 'born on the day'),
        ('2026-01-02', '2026-01-01', -1, 'date before birth is negative')
    ) as cases (date_of_birth, on_date, expected_age, case_description)

),

collection_year_cases as (

    select
        cast(case_date as date) as case_date,
        expected_start,
        expected_label,
        case_description
    from (
        values
        ('2026-03-31', 2025, '2025-26', '31 March is the last day of a year'),
        ('2026-04-01', 2026, '2026-27', '1 April is the first day of a year'),
        ('2026-12-31', 2026, '2026-27', '31 December'),
        ('2027-01-01', 2026, '2026-27', '1 January'),
        ('2027-03-31', 2026, '2026-27', '31 March at the end of 2026-27'),
        ('2024-02-29', 2023, '2023-24', '29 February of a leap year'),
        ('1999-04-01', 1999, '1999-00', 'century roll-over of the label')
    ) as cases (case_date, expected_start, expected_label, case_description)

),

add_months_cases as (

    select
        cast(case_date as date) as case_date,
        months,
        cast(expected_date as date) as expected_date,
        case_description
    from (
        values
        ('2026-04-01', -12, '2025-04-01', '12-month look-back'),
        ('2026-03-31', -1, '2026-02-28', 'month end clamps to 28 Feb'),
        ('2024-02-29', -12, '2023-02-28', '29 Feb minus 12 months'),
        ('2024-02-29', 12, '2025-02-28', '29 Feb plus 12 months'),
        ('2024-01-31', 1, '2024-02-29', 'month end clamps to 29 Feb in a leap year'),
        ('2025-12-15', 1, '2026-01-15', 'across a year end'),
        ('2026-06-30', 0, '2026-06-30', 'zero months')
    ) as cases (case_date, months, expected_date, case_description)

),

age_results as (

    select
        'age_at' as macro_name,
        case_description,
        cast(expected_age as {{ dbt.type_string() }}) as expected_value,
        cast({{ age_at('date_of_birth', 'on_date') }} as {{ dbt.type_string() }}) as actual_value
    from age_cases

),

collection_year_start_results as (

    select
        'collection_year_start' as macro_name,
        case_description,
        cast(expected_start as {{ dbt.type_string() }}) as expected_value,
        cast({{ collection_year_start('case_date') }} as {{ dbt.type_string() }}) as actual_value
    from collection_year_cases

),

collection_year_label_results as (

    select
        'collection_year_label' as macro_name,
        case_description,
        expected_label as expected_value,
        {{ collection_year_label(collection_year_start('case_date')) }} as actual_value
    from collection_year_cases

),

add_months_results as (

    select
        'add_months' as macro_name,
        case_description,
        cast(expected_date as {{ dbt.type_string() }}) as expected_value,
        cast({{ add_months('case_date', 'months') }} as {{ dbt.type_string() }}) as actual_value
    from add_months_cases

),

all_results as (

    select macro_name, case_description, expected_value, actual_value from age_results
    union all
    select macro_name, case_description, expected_value, actual_value
    from collection_year_start_results
    union all
    select macro_name, case_description, expected_value, actual_value
    from collection_year_label_results
    union all
    select macro_name, case_description, expected_value, actual_value from add_months_results

)

select
    macro_name,
    case_description,
    expected_value,
    actual_value
from all_results
where actual_value is null or actual_value <> expected_value
