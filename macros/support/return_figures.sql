{#
  The figures of a return-shaped relation (collection_year, measure_code, part, breakdown, value),
  with a null part or breakdown read as '', optionally kept to one breakdown. Used as the first
  CTE of the figure-level relation tests (not_greater_than, parts_sum_to_total):
      with filtered_figures as ({{ return_figures(model, breakdown) }}), ...
#}
{#- measure_codes: the measures a relation test compares; a collection year where any of their
    figures is not available (value null, pif_return.unavailable_reason) is left out, so the test
    skips it rather than comparing a missing figure as 0. -#}
{% macro return_figures(model, breakdown=none, measure_codes=none) -%}
    select
        collection_year,
        measure_code,
        coalesce(part, '') as part,
        coalesce(breakdown, '') as breakdown,
        value
    from {{ model }}
    where
        1 = 1
        {%- if breakdown is not none %}
        and coalesce(breakdown, '') = '{{ breakdown }}'
        {%- endif %}
        {%- if measure_codes %}
        and collection_year not in (
            select unavailable.collection_year from {{ model }} as unavailable
            where unavailable.value is null and unavailable.measure_code in ({{ quoted_list(measure_codes) }})
        )
        {%- endif %}
{%- endmacro %}
