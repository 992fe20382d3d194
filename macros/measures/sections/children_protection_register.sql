{#- Children's safeguarding: conferences and the child protection register, CH/023-CH/028 and CH/035-CH/036 (models/marts/measures/children_protection_register/). -#}
{% macro section_children_protection_register() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
