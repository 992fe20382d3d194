{#
  Review schedules of the children’s plans measures (CH/017-CH/019, models/intermediate/children_plans).

  review_cycle_due_date(first_due_date, gap_after_first_months, interval_months, occasion_number)
    The due date of the occasion_number-th review due (0-based) after an anchor (the start of a
    schedule or the last review held) when no review is held in between: occasion 0 is due on
    first_due_date; occasion 1 gap_after_first_months calendar months later; every later occasion
    interval_months after that, counted from first_due_date (add_months clamps a 31st to the end of a
    shorter month, and counting from first_due_date keeps 31 August -> 28 February -> 31 August).
      looked-after, first review missed: 20 working days, then +3 months, then every 6 months
        review_cycle_due_date('first_due', 3, 6, 'numbers.n')

  review_numbers(limit)
    A CTE body listing n = 0 .. 99 (ten digits crossed), portable and set-based: the most occasions
    generated after one anchor (99 six-month cycles is 49 years; the calendar covers 2015-2035).
#}
{% macro review_cycle_due_date(first_due_date, gap_after_first_months, interval_months, occasion_number) -%}
    case
        when {{ occasion_number }} = 0 then {{ first_due_date }}
        else {{ add_months(first_due_date,
            '(' ~ gap_after_first_months ~ ') + (' ~ interval_months ~ ') * (' ~ occasion_number ~ ' - 1)') }}
    end
{%- endmacro %}

{% macro review_numbers() -%}
    select tens.digit * 10 + units.digit as n
    from (
        select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
        union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
    ) as tens
    cross join (
        select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
        union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
    ) as units
{%- endmacro %}
