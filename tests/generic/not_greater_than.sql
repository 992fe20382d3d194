{#
  not_greater_than(model, measure_code, part, than_measure_code, than_part, breakdown=None)

  Figure-level check on the return table (columns collection_year, measure_code, part, breakdown,
  value): returns the collection years where the value of `measure_code` / `part` is greater than
  the value of `than_measure_code` / `than_part` (a part, or a subset, never exceeds its base).

      models:
        - name: pif_return
          data_tests:
            - not_greater_than:              # CH/003 <= CH/001
                arguments:
                  measure_code: CH/003
                  part: ''
                  than_measure_code: CH/001
                  than_part: ''

  - Use '' (or null) for a measure without parts; a null part or breakdown in the table is read
    as ''.
  - `breakdown`: by default compared per breakdown value; give a value (usually '') to compare
    that breakdown only.
  - A missing side counts as 0: a figure with no base row fails if it is above 0.
#}
{% test not_greater_than(model, measure_code, part, than_measure_code, than_part, breakdown=None) %}

{%- set part = part or '' -%}
{%- set than_part = than_part or '' -%}

with filtered_figures as (

{{ return_figures(model, breakdown, [measure_code, than_measure_code]) }}

),

figure as (

    select
        collection_year,
        breakdown,
        sum(value) as value
    from filtered_figures
    where measure_code = '{{ measure_code }}' and part = '{{ part }}'
    group by collection_year, breakdown

),

base_figure as (

    select
        collection_year,
        breakdown,
        sum(value) as value
    from filtered_figures
    where measure_code = '{{ than_measure_code }}' and part = '{{ than_part }}'
    group by collection_year, breakdown

),

compared as (

    select
        coalesce(figure.collection_year, base_figure.collection_year) as collection_year,
        coalesce(figure.breakdown, base_figure.breakdown) as breakdown,
        coalesce(figure.value, 0) as value,
        coalesce(base_figure.value, 0) as than_value
    from figure
    full outer join base_figure
        on
            figure.collection_year = base_figure.collection_year
            and figure.breakdown = base_figure.breakdown

)

select
    collection_year,
    breakdown,
    value,
    than_value
from compared
where value > than_value

{% endtest %}
