{# Portable parsing of text extract values. Each returns null when the value cannot be parsed. #}

{# A date written DD/MM/YYYY (UK) or YYYY-MM-DD (ISO). #}
{% macro try_parse_date(expression) %}
  {{ return(adapter.dispatch('try_parse_date', 'pif')(expression)) }}
{% endmacro %}

{# The patterns are checked first so that both databases accept exactly the same text. #}
{% macro duckdb__try_parse_date(expression) -%}
  cast(case
    when regexp_full_match({{ expression }}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')
      then try_strptime({{ expression }}, '%d/%m/%Y')
    when regexp_full_match({{ expression }}, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
      then try_strptime({{ expression }}, '%Y-%m-%d')
  end as date)
{%- endmacro %}

{% macro postgres__try_parse_date(expression) -%}
  {{ target.schema }}.pif_try_date({{ expression }})
{%- endmacro %}

{# A whole number. #}
{% macro try_parse_integer(expression) %}
  {{ return(adapter.dispatch('try_parse_integer', 'pif')(expression)) }}
{% endmacro %}

{% macro duckdb__try_parse_integer(expression) -%}
  case when regexp_full_match({{ expression }}, '[+-]?[0-9]{1,9}') then cast({{ expression }} as integer) end
{%- endmacro %}

{% macro postgres__try_parse_integer(expression) -%}
  case when {{ expression }} ~ '^[+-]?[0-9]{1,9}$' then cast({{ expression }} as integer) end
{%- endmacro %}

{# A decimal number such as 12.50. #}
{% macro try_parse_decimal(expression) %}
  {{ return(adapter.dispatch('try_parse_decimal', 'pif')(expression)) }}
{% endmacro %}

{% macro duckdb__try_parse_decimal(expression) -%}
  case when regexp_full_match({{ expression }}, '[+-]?[0-9]{1,15}([.][0-9]+)?')
    then cast({{ expression }} as decimal(18, 2)) end
{%- endmacro %}

{% macro postgres__try_parse_decimal(expression) -%}
  case when {{ expression }} ~ '^[+-]?[0-9]{1,15}([.][0-9]+)?$' then cast({{ expression }} as decimal(18, 2)) end
{%- endmacro %}

{# A Y/N flag; accepts Y/N, Yes/No, True/False, T/F, 1/0 in any case. #}
{% macro try_parse_flag(expression) -%}
  case
    when upper({{ expression }}) in ('Y', 'YES', 'TRUE', 'T', '1') then true
    when upper({{ expression }}) in ('N', 'NO', 'FALSE', 'F', '0') then false
  end
{%- endmacro %}
