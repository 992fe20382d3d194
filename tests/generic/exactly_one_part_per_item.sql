{#
  exactly_one_part_per_item(model, parent, columns, parent_where=None)

  For a measure broken into parts (the model: one row per item and part) and the population it
  divides (the parent: the base measure's items): every parent item must appear in exactly one
  row of the model, and every model row must match a parent item. Matching is on `columns` (a
  list of column names in both relations, e.g. [collection_year, contact_id]), with `=` (an item
  with a null key never matches).

      models:
        - name: ch_004
          data_tests:
            - exactly_one_part_per_item:
                arguments:
                  parent: ref('ch_001')
                  columns: [collection_year, contact_id]

  Returns one row per offending item: its `columns`, `problem` and `model_row_count`, where
  problem is
    - 'missing_from_parts': a parent item that is in no part (model_row_count 0);
    - 'in_more_than_one_part': a parent item on more than one model row;
    - 'not_in_parent': a model item with no parent item.
  The model can be filtered with the test's `where` config; `parent_where` filters the parent.
  Parent items are taken distinct, so the parent may hold an item on several rows.
#}
{% test exactly_one_part_per_item(model, parent, columns, parent_where=None) %}

with model_rows as (

    select * from {{ model }}

),

parent_rows as (

    select * from {{ parent }}
    {% if parent_where %}where {{ parent_where }}{% endif %}

),

model_items as (

    select
        {% for column in columns %}{{ column }},
        {% endfor %}count(*) as model_row_count
    from model_rows
    group by
        {% for column in columns %}{{ column }}{% if not loop.last %}, {% endif %}{% endfor %}

),

parent_items as (

    select distinct
        {% for column in columns %}{{ column }}{% if not loop.last %},
        {% endif %}{% endfor %}
    from parent_rows

),

parent_items_counted as (

    select
        {% for column in columns %}parent_items.{{ column }},
        {% endfor %}coalesce(model_items.model_row_count, 0) as model_row_count
    from parent_items
    left join model_items
        on
            {% for column in columns -%}
            parent_items.{{ column }} = model_items.{{ column }}{% if not loop.last %}
            and {% endif %}
            {%- endfor %}

),

orphan_model_items as (

    select
        {% for column in columns %}model_items.{{ column }},
        {% endfor %}model_items.model_row_count
    from model_items
    where not exists (
        select 1
        from parent_items
        where
            {% for column in columns -%}
            parent_items.{{ column }} = model_items.{{ column }}{% if not loop.last %}
            and {% endif %}
            {%- endfor %}
    )

)

select
    {% for column in columns %}{{ column }},
    {% endfor %}case
        when model_row_count = 0 then 'missing_from_parts'
        else 'in_more_than_one_part'
    end as problem,
    model_row_count
from parent_items_counted
where model_row_count <> 1

union all

select
    {% for column in columns %}{{ column }},
    {% endfor %}'not_in_parent' as problem,
    model_row_count
from orphan_model_items

{% endtest %}
