{#
  parts_sum_to_total(model, measure_code, total_measure_code, total_part='', parts=None,
                     breakdown=None)

  Figure-level check on the return table (columns collection_year, measure_code, part, breakdown,
  value): for each collection year, the sum of the values of `measure_code`'s parts must equal
  the value of `total_measure_code` / `total_part`. Returns the years (and breakdowns) where not,
  with both figures and their difference.

      models:
        - name: pif_return
          data_tests:
            - parts_sum_to_total:            # CH/014a + CH/014b + CH/014c = CH/013
                arguments:
                  measure_code: CH/014
                  parts: [a, b, c]
                  total_measure_code: CH/013
            - parts_sum_to_total:            # CH/007 a-c sum to CH/007's own total row
                arguments:
                  measure_code: CH/007
                  total_measure_code: CH/007

  - `parts`: a list of part codes; by default every part of the measure that is not empty
    (and, when the total is the same measure, not the total's own part).
  - `total_part`: the total's part; '' (the default) for a measure without parts. A null part or
    breakdown in the table is read as ''.
  - `breakdown`: by default the figures are compared per breakdown value (the parts' 'age_18_64'
    against the total's 'age_18_64'); give a value (usually '') to compare that breakdown only.
  - A missing side counts as 0, so parts without a total (or a total without parts) fail unless
    the figure is 0. A year where neither side has a row is not checked.
#}
{% test parts_sum_to_total(model, measure_code, total_measure_code, total_part='', parts=None, breakdown=None) %}

{%- set total_part = total_part or '' -%}

with filtered_figures as (

{{ return_figures(model, breakdown, [measure_code, total_measure_code]) }}

),

parts_summed as (

    select
        collection_year,
        breakdown,
        sum(value) as parts_value
    from filtered_figures
    where
        measure_code = '{{ measure_code }}'
        {% if parts %}
        and part in ({% for p in parts %}'{{ p }}'{% if not loop.last %}, {% endif %}{% endfor %})
        {% else %}
        and part <> ''
        {% if measure_code == total_measure_code %}and part <> '{{ total_part }}'{% endif %}
        {% endif %}
    group by collection_year, breakdown

),

totals as (

    select
        collection_year,
        breakdown,
        sum(value) as total_value
    from filtered_figures
    where
        measure_code = '{{ total_measure_code }}'
        and part = '{{ total_part }}'
    group by collection_year, breakdown

),

compared as (

    select
        coalesce(parts_summed.collection_year, totals.collection_year) as collection_year,
        coalesce(parts_summed.breakdown, totals.breakdown) as breakdown,
        coalesce(parts_summed.parts_value, 0) as parts_value,
        coalesce(totals.total_value, 0) as total_value
    from parts_summed
    full outer join totals
        on
            parts_summed.collection_year = totals.collection_year
            and parts_summed.breakdown = totals.breakdown

)

select
    collection_year,
    breakdown,
    parts_value,
    total_value,
    parts_value - total_value as difference
from compared
where parts_value <> total_value

{% endtest %}
