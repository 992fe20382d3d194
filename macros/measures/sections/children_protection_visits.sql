{#- Children’s safeguarding: visits to children on the child protection register, CH/029-CH/030 (models/marts/measures/children_protection_visits/). -#}
{% macro section_children_protection_visits() %}
  {{ return({
    'measures': ['ch_029', 'ch_030'],
    'valued_measures': [],
    'exclusion_models': ['children_protection_visits__exclusions'],
  }) }}
{% endmacro %}
