{#- Children's safeguarding: visits to children on the child protection register, CH/029-CH/030 (models/marts/measures/children_protection_visits/). -#}
{% macro section_children_protection_visits() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
