{#
  collection_year_label(start_year_expr) -> text

  The collection year’s label from the (integer) calendar year in which it starts:
      {{ collection_year_label('2026') }}                                  -- '2026-27'
      {{ collection_year_label(collection_year_start('assessment.start_date')) }}
  The label is how collection years appear in data (collection_year columns, the return table).
  1999 -> '1999-00'. Null in, null out.
#}
{% macro collection_year_label(start_year_expr) -%}
  {{ return(adapter.dispatch('collection_year_label', 'pif')(start_year_expr)) }}
{%- endmacro %}

{% macro default__collection_year_label(start_year_expr) -%}
  (
    cast(cast({{ start_year_expr }} as integer) as {{ dbt.type_string() }})
    || '-'
    || right(cast(cast({{ start_year_expr }} as integer) + 1 as {{ dbt.type_string() }}), 2)
  )
{%- endmacro %}
