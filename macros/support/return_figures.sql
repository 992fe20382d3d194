{#
  The figures of a return-shaped relation (collection_year, measure_code, part, breakdown, value),
  with a null part or breakdown read as '', optionally kept to one breakdown. Used as the first
  CTE of the figure-level relation tests (not_greater_than, parts_sum_to_total):
      with filtered_figures as ({{ return_figures(model, breakdown) }}), ...
#}
{% macro return_figures(model, breakdown=none) -%}
    select
        collection_year,
        measure_code,
        coalesce(part, '') as part,
        coalesce(breakdown, '') as breakdown,
        value
    from {{ model }}
    {%- if breakdown is not none %}
    where coalesce(breakdown, '') = '{{ breakdown }}'
    {%- endif %}
{%- endmacro %}
