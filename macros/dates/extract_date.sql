{#
  extract_date() -> date expression

  The date the extract was taken (var extract_date), as a SQL date literal, or `cast(null as date)`
  when the var is null (the default: figures for whole collection years, as for a return compiled
  after 31 March). On an in-year run set it, e.g. `--vars '{extract_date: 2026-11-20}'`, and nothing
  is counted as due after it:
      {{ extract_date() }}                      -- cast('2026-11-20' as date), or cast(null as date)
      where due_date <= coalesce({{ extract_date() }}, due_date)
  A comparison with the null literal is null (false), so `due_date > {{ extract_date() }}` never
  holds by default. The var may be a YAML date (2026-11-20) or a string ('2026-11-20'); anything
  that is not a valid YYYY-MM-DD date stops compilation. When the var is null, the environment
  variable PIF_EXTRACT_DATE is used if set and not empty: `pif run` passes the date that way, so a
  new date each night does not make dbt parse the whole project again (a changed --vars does).

  extract_date_text() -> the date as 'YYYY-MM-DD' text for Jinja (reasons, conditions), or none.
#}
{% macro extract_date_text() -%}
  {%- set value = var('extract_date', none) -%}
  {%- if value is none or (value | string | trim | lower) in ('', 'none', 'null') -%}
    {%- set value = env_var('PIF_EXTRACT_DATE', '') -%}
  {%- endif -%}
  {%- if value is none or (value | string | trim | lower) in ('', 'none', 'null') -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set text = value | string | trim -%}
  {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', text) -%}
    {{ exceptions.raise_compiler_error("var extract_date (or env PIF_EXTRACT_DATE) must be a date YYYY-MM-DD or null, not " ~ text) }}
  {%- endif -%}
  {%- set parsed = modules.datetime.datetime.strptime(text, '%Y-%m-%d') -%}
  {{ return(text) }}
{%- endmacro %}

{% macro extract_date() -%}
  {%- set text = extract_date_text() -%}
  {%- if text is none -%}
    cast(null as date)
  {%- else -%}
    cast('{{ text }}' as date)
  {%- endif -%}
{%- endmacro %}
