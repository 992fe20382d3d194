{#
  Helpers for mapping staged WCCIS rows into the canonical model.

  decode_join(code_list, local_code_expression, alias): left join to the code map, so that
  `<alias>.national_code` holds the national category of a local code. Staging has already
  rejected unknown codes, so a non-null local code always finds its national code.

  source_reference(): where a canonical row came from, as 'file.csv:row', for tracing a figure back
  to the extract line behind it.
#}
{% macro decode_join(code_list, local_code_expression, alias) -%}
left join {{ ref('code_map') }} as {{ alias }}
    on {{ alias }}.code_list = '{{ code_list }}'
    and {{ alias }}.local_code = {{ local_code_expression }}
{%- endmacro %}

{% macro source_reference(file_column='source_file', row_column='source_row') -%}
{{ file_column }} || ':' || cast({{ row_column }} as {{ dbt.type_string() }})
{%- endmacro %}
