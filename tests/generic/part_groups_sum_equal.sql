{#
  part_groups_sum_equal(model, measure_code, parts, other_parts)

  Figure-level check on the return table for a measure split twice over the same items (AD/030,
  AD/031: by type a-h and by age age_a-age_h): per collection year, the sum of `parts` must equal
  the sum of `other_parts`. Returns the years where not, with both sums. (parts_sum_to_total
  compares parts with a single total part.)
#}
{% test part_groups_sum_equal(model, measure_code, parts, other_parts) %}

with figures as (

{{ return_figures(model, "", [measure_code]) }}

),

sums as (

    select
        collection_year,
        sum(case when part in ({{ quoted_list(parts) }}) then value else 0 end) as parts_value,
        sum(case when part in ({{ quoted_list(other_parts) }}) then value else 0 end) as other_parts_value
    from figures
    where measure_code = '{{ measure_code }}'
    group by collection_year

)

select
    collection_year,
    parts_value,
    other_parts_value
from sums
where parts_value <> other_parts_value

{% endtest %}
