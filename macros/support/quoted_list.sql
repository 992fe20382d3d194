{# Render a list of strings as a SQL list body: quoted_list(['a', 'b']) -> 'a', 'b'. #}
{% macro quoted_list(values) -%}
{%- for value in values -%}
'{{ value }}'{{ ", " if not loop.last }}
{%- endfor -%}
{%- endmacro %}
