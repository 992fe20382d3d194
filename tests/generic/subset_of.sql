{#
  subset_of(model, parent, columns, where=None, parent_where=None)

  Item-level "every item of A is an item of B": returns the rows of the model whose `columns`
  values have no matching row in `parent` (an anti-join), e.g. every contact counted in CH/003 is
  a contact counted in CH/001:

      models:
        - name: ch_003
          data_tests:
            - subset_of:
                arguments:
                  parent: ref('ch_001')
                  columns: [collection_year, contact_id]
                  parent_where: "part = ''"
                config:
                  where: "is_in_time"

  - `columns` is a list of column names present in both relations, matched with `=`: a model row
    with a null in any of them never matches, so it is returned (an item that cannot be traced).
  - `parent_where` filters the parent (SQL condition on the parent’s columns).
  - `where` filters the model. Note that dbt treats a test argument called `where` as the test’s
    `where` config, which already filters `model` before this macro sees it (so the macro’s own
    `where` parameter is then empty); both spellings give the same result.
  The test returns the offending model rows (all their columns), so a failure names the items.
#}
{% test subset_of(model, parent, columns, where=None, parent_where=None) %}

with child as (

    select * from {{ model }}
    {% if where %}where {{ where }}{% endif %}

),

parent as (

    select * from {{ parent }}
    {% if parent_where %}where {{ parent_where }}{% endif %}

)

select child.*
from child
where not exists (
    select 1
    from parent
    where
        {% for column in columns -%}
        parent.{{ column }} = child.{{ column }}{% if not loop.last %}
        and {% endif %}
        {%- endfor %}
)

{% endtest %}
