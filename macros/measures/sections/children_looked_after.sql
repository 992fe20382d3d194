{#- Children looked after, CH/037a-CH/048 (models/marts/measures/children_looked_after/). -#}
{% macro section_children_looked_after() %}
  {{ return({
    'measures': [
      'ch_037a', 'ch_037b', 'ch_038', 'ch_039', 'ch_040', 'ch_041', 'ch_042', 'ch_043', 'ch_044',
      'ch_045', 'ch_046', 'ch_047', 'ch_048',
    ],
    'valued_measures': [],
    'exclusion_models': ['children_looked_after__exclusions'],
  }) }}
{% endmacro %}

{#-
  lac_31_march_measure(measure_code, condition): the items of a 31 March snapshot measure of children
  looked after (CH/039, CH/040, CH/043, CH/046-CH/048): one item per child (item_id = person_id) of
  int_lac_children__on_31_march meeting the condition, dated 31 March of the collection year.
-#}
{% macro lac_31_march_measure(measure_code, condition) %}
with

children as (
    select * from {{ ref('int_lac_children__on_31_march') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
)

select
    children.collection_year,
    '{{ measure_code }}' as measure_code,
    '' as part,
    'child' as item_type,
    children.person_id as item_id,
    children.person_id,
    collection_years.end_date as event_date,
    children.source_reference
from children
inner join collection_years
    on children.collection_year = collection_years.collection_year
where children.{{ condition }}
{% endmacro %}
