{#
  age_at(date_of_birth_expr, on_date_expr) -> integer

  Age in whole years completed on a date. A birthday counts on the day itself: a child born
  2008-06-15 is 18 on 2026-06-15 (and 17 on 2026-06-14).
      {{ age_at('person.birth_date', 'period.start_date') }}
      {{ age_at('person.birth_date', "cast('2027-03-31' as date)") }}

  29 February: UK law (Family Law Reform Act 1969, s.9) - a person born on 29 February reaches
  a new age on 1 March in a non-leap year (and on 29 February in a leap year). So someone born
  2008-02-29 is 17 on 2026-02-28 and 18 on 2026-03-01. The macro compares (month, day) of the two
  dates as month * 100 + day, which gives exactly that rule: 0228 < 0229 <= 0301.

  Null in either argument gives null. A date before the date of birth gives a negative number;
  callers decide what that means (usually a data-quality rejection).
#}
{% macro age_at(date_of_birth_expr, on_date_expr) -%}
  {{ return(adapter.dispatch('age_at', 'pif')(date_of_birth_expr, on_date_expr)) }}
{%- endmacro %}

{% macro default__age_at(date_of_birth_expr, on_date_expr) -%}
  (
    cast(extract(year from {{ on_date_expr }}) as integer)
    - cast(extract(year from {{ date_of_birth_expr }}) as integer)
    - case
      when
        cast(extract(month from {{ on_date_expr }}) as integer) * 100
        + cast(extract(day from {{ on_date_expr }}) as integer)
        < cast(extract(month from {{ date_of_birth_expr }}) as integer) * 100
        + cast(extract(day from {{ date_of_birth_expr }}) as integer)
        then 1
      else 0
    end
  )
{%- endmacro %}
