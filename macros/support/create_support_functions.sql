{#
  Run at the start of every dbt invocation (on-run-start). PostgreSQL has no safe "try" date cast,
  so the project creates one small function in the target schema; DuckDB has try_strptime built in.
#}
{% macro create_support_functions() %}
  {{ return(adapter.dispatch('create_support_functions', 'pif')()) }}
{% endmacro %}

{% macro default__create_support_functions() %}
  select 1
{% endmacro %}

{% macro postgres__create_support_functions() %}
  create schema if not exists {{ target.schema }};
  create or replace function {{ target.schema }}.pif_try_date(value text) returns date
  language plpgsql immutable as $fn$
  begin
    if value ~ '^\d{1,2}/\d{1,2}/\d{4}$' then
      return to_date(value, 'DD/MM/YYYY');
    elsif value ~ '^\d{4}-\d{2}-\d{2}$' then
      return value::date;
    end if;
    return null;
  exception when others then
    return null;
  end
  $fn$;
{% endmacro %}
