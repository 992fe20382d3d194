{#
  item_relations(model, relations)

  Many item-level relations between measure models in one test node (dbt's cost is per node: about
  0.1 s each, against milliseconds of SQL). `relations` is a list; each item is one relation written
  as the single-relation test it stands for (tests/generic/subset_of.sql,
  exactly_one_part_per_item.sql) with that test's arguments, plus `model` (the model it tests, a
  ref), an optional `where` (the test's where config: filters that model) and an optional `name`:

      models:
        - name: ch_002
          data_tests:
            - item_relations:
                name: children_contacts_assessments_item_relations
                arguments:
                  relations:
                    - {subset_of: {model: ref('ch_002'), parent: ref('ch_001'), columns: [collection_year, item_id]}}
                    - {subset_of: {model: ref('ch_005'), where: "part = 'b'", parent: ref('ch_005'),
                                   columns: [collection_year, item_id], parent_where: "part = 'a'"}}
                    - {exactly_one_part_per_item: {model: ref('ch_004'), parent: ref('ch_001'),
                                                   columns: [collection_year, item_id]}}

  The test's own `model` (the model it is declared on) is not read. Each relation runs the query of
  its own generic test, so it checks exactly what that test checks. Returns one row per offending
  item: relation_number (its place in the list), relation (its name, or kind, model and parent),
  item_key (the `columns` values joined by '|') and problem (subset_of: 'not_in_parent';
  exactly_one_part_per_item: its own problem).
#}
{% test item_relations(model, relations) %}

{%- for relation in relations %}
{%- set kind, arguments = (relation.items() | list)[0] %}
{%- set tested = arguments.model %}
{%- if arguments.get('where') %}
{%- set tested = '(select * from ' ~ arguments.model ~ ' where ' ~ arguments.where ~ ') as dbt_subquery' %}
{%- endif %}
{%- set label = arguments.get('name') or (
    kind ~ ': ' ~ ((arguments.model | string).split('.')[-1] | replace('"', ''))
    ~ (' where ' ~ arguments.where if arguments.get('where') else '')
    ~ ' in ' ~ ((arguments.parent | string).split('.')[-1] | replace('"', ''))
    ~ (' where ' ~ arguments.parent_where if arguments.get('parent_where') else '')) %}
{%- if kind == 'subset_of' %}
{%- set query = test_subset_of(tested, arguments.parent, arguments.columns, none, arguments.get('parent_where')) %}
{%- set problem = "'not_in_parent'" %}
{%- elif kind == 'exactly_one_part_per_item' %}
{%- set query = test_exactly_one_part_per_item(tested, arguments.parent, arguments.columns, arguments.get('parent_where')) %}
{%- set problem = 'failing.problem' %}
{%- else %}
{{ exceptions.raise_compiler_error("item_relations: unknown relation kind '" ~ kind ~ "' (item " ~ loop.index ~ ")") }}
{%- endif %}
{%- set key_parts = [] %}
{%- for column in arguments.columns %}
{%- do key_parts.append("coalesce(cast(failing." ~ column ~ " as " ~ dbt.type_string() ~ "), 'null')") %}
{%- if not loop.last %}{% do key_parts.append("'|'") %}{% endif %}
{%- endfor %}
select
    cast({{ loop.index }} as {{ dbt.type_int() }}) as relation_number,
    cast('{{ label | replace("'", "''") }}' as {{ dbt.type_string() }}) as relation,
    {{ dbt.concat(key_parts) }} as item_key,
    cast({{ problem }} as {{ dbt.type_string() }}) as problem
from (
{{ query }}
) as failing
{%- if not loop.last %}

union all

{% endif %}
{%- endfor %}

{% endtest %}
