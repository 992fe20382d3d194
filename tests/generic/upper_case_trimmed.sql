{#
  upper_case_trimmed(model, column_name)

  Fails on every row whose column is not upper-case and trimmed (no leading or trailing spaces),
  so a code compares equal to an extract value that staging has upper-cased and trimmed. Nulls
  pass (use not_null for those).

      columns:
        - name: local_code
          data_tests:
            - upper_case_trimmed
#}
{% test upper_case_trimmed(model, column_name) %}

select
    {{ column_name }} as offending_value,
    count(*) as row_count
from {{ model }}
where
    {{ column_name }} is not null
    and {{ column_name }} <> upper(trim({{ column_name }}))
group by {{ column_name }}

{% endtest %}
