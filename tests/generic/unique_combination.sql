{#
  unique_combination(model, columns)

  Fails on every combination of `columns` (a list of column names) that appears on more than one
  row of the model; returns the combination and how many rows carry it. Nulls are treated as
  equal to each other (grouped together), so two rows with the same null key also fail.

      data_tests:
        - unique_combination:
            arguments:
              columns: [code_list, local_code]
#}
{% test unique_combination(model, columns) %}

with counted as (

    select
        {% for column in columns %}{{ column }},
        {% endfor %}count(*) as row_count
    from {{ model }}
    group by
        {% for column in columns %}{{ column }}{% if not loop.last %}, {% endif %}{% endfor %}

)

select
    {% for column in columns %}{{ column }},
    {% endfor %}row_count
from counted
where row_count > 1

{% endtest %}
