{#- Children's care and support plans and reviews, CH/015-CH/019 (models/marts/measures/children_plans/). -#}
{% macro section_children_plans() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
