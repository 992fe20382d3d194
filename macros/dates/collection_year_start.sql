{#
  collection_year_start(date_expr) -> integer

  The calendar year in which the collection year (1 April to 31 March) containing the date starts:
  April..December -> the same year, January..March -> the year before.
      {{ collection_year_start('contact.received_date') }}   -- 2027-03-31 -> 2026, 2026-04-01 -> 2026
  Null in, null out. Pair with collection_year_label() for the '2026-27' text, or join
  int_collection_years on collection_year_start.
#}
{% macro collection_year_start(date_expr) -%}
  {{ return(adapter.dispatch('collection_year_start', 'pif')(date_expr)) }}
{%- endmacro %}

{% macro default__collection_year_start(date_expr) -%}
  (
    cast(extract(year from {{ date_expr }}) as integer)
    - case when extract(month from {{ date_expr }}) < 4 then 1 else 0 end
  )
{%- endmacro %}
