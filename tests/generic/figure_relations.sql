{#
  figure_relations(model, relations)

  Many figure-level relations on the return table in one test node (dbt's cost is per node: about
  0.1 s each, against a few milliseconds of SQL for a relation on pif_return). `relations` is a
  list; each item is one relation written as the single-relation test it stands for, with that
  test's arguments:

      models:
        - name: pif_return
          data_tests:
            - figure_relations:
                arguments:
                  relations:
                    - {parts_sum_to_total: {measure_code: 'CH/004', total_measure_code: 'CH/001'}}
                    - {not_greater_than: {measure_code: 'CH/002', part: '', than_measure_code: 'CH/001', than_part: ''}}
                    - {part_groups_sum_equal: {measure_code: 'AD/030', parts: [a, b], other_parts: [age_a, age_b]}}

  Each relation runs the query of its own generic test (tests/generic/not_greater_than.sql,
  parts_sum_to_total.sql, part_groups_sum_equal.sql), so it checks exactly what that test checks.
  Returns one row per failing relation, year and breakdown: the relation (its number in the list
  and its reading, e.g. "CH/002 <= CH/001"), collection_year, breakdown, the figure on its left
  (value) and on its right (other_value). Relations that may fail on valid data go in a second
  figure_relations test with config severity: warn.
#}
{% test figure_relations(model, relations) %}

{%- for relation in relations %}
{%- set kind, arguments = (relation.items() | list)[0] %}
{%- if kind == 'not_greater_than' %}
{%- set label = arguments.measure_code ~ (arguments.part or '') ~ ' <= ' ~ arguments.than_measure_code ~ (arguments.than_part or '') %}
{%- set query = test_not_greater_than(
    model, arguments.measure_code, arguments.part, arguments.than_measure_code, arguments.than_part,
    arguments.get('breakdown')) %}
{%- set columns = ('breakdown', 'value', 'than_value') %}
{%- elif kind == 'parts_sum_to_total' %}
{%- set label = arguments.measure_code ~ ' ' ~ (arguments.get('parts') | join(' ') if arguments.get('parts') else 'parts') ~ ' = ' ~ arguments.total_measure_code ~ (arguments.get('total_part') or '') %}
{%- set query = test_parts_sum_to_total(
    model, arguments.measure_code, arguments.total_measure_code, arguments.get('total_part', ''),
    arguments.get('parts'), arguments.get('breakdown')) %}
{%- set columns = ('breakdown', 'parts_value', 'total_value') %}
{%- elif kind == 'part_groups_sum_equal' %}
{%- set label = arguments.measure_code ~ ' ' ~ (arguments.parts | join(' ')) ~ ' = ' ~ (arguments.other_parts | join(' ')) %}
{%- set query = test_part_groups_sum_equal(model, arguments.measure_code, arguments.parts, arguments.other_parts) %}
{%- set columns = (none, 'parts_value', 'other_parts_value') %}
{%- else %}
{{ exceptions.raise_compiler_error("figure_relations: unknown relation kind '" ~ kind ~ "' (item " ~ loop.index ~ ")") }}
{%- endif %}
select
    cast({{ loop.index }} as {{ dbt.type_int() }}) as relation_number,
    cast('{{ kind }}: {{ label }}' as {{ dbt.type_string() }}) as relation,
    failing.collection_year,
    {% if columns[0] %}cast(failing.{{ columns[0] }} as {{ dbt.type_string() }}){% else %}cast('' as {{ dbt.type_string() }}){% endif %} as breakdown,
    failing.{{ columns[1] }} as value,
    failing.{{ columns[2] }} as other_value
from (
{{ query }}
) as failing
{%- if not loop.last %}

union all

{% endif %}
{%- endfor %}

{% endtest %}
