{#- Children’s care and support plans and reviews, CH/015-CH/019 (models/marts/measures/children_plans/). -#}
{% macro section_children_plans() %}
  {{ return({
    'measures': ['ch_015', 'ch_016', 'ch_017', 'ch_018', 'ch_019'],
    'valued_measures': [],
    'exclusion_models': ['children_plans__exclusions'],
  }) }}
{% endmacro %}
