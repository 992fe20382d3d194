{#
  add_months(date_expr, n) -> date

  The date n calendar months later (n may be negative, a literal or an SQL expression). When the
  day does not exist in the target month the result is that month’s last day (both DuckDB and
  PostgreSQL clamp): 2026-03-31 minus 1 month -> 2026-02-28; 2024-02-29 minus 12 months ->
  2023-02-28. The result is always a date (dbt.dateadd alone returns a timestamp).
      {{ add_months('latest.start_date', -var('repeat_assessment_lookback_months')) }}
      {{ add_months('assessment.start_date', 12) }}
  For a 12-month look-back "within the 12 months before D": previous_date >= add_months(D, -12).
#}
{% macro add_months(date_expr, n) -%}
  {{ return(adapter.dispatch('add_months', 'pif')(date_expr, n)) }}
{%- endmacro %}

{% macro default__add_months(date_expr, n) -%}
  cast({{ dbt.dateadd('month', '(' ~ n ~ ')', date_expr) }} as date)
{%- endmacro %}
