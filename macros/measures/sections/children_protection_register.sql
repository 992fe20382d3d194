{#- Children’s safeguarding: conferences and the child protection register, CH/023-CH/028 and CH/035-CH/036 (models/marts/measures/children_protection_register/). -#}
{% macro section_children_protection_register() %}
  {{ return({
    'measures': [
      'ch_023', 'ch_024', 'ch_025a', 'ch_025b', 'ch_026', 'ch_027', 'ch_028', 'ch_035', 'ch_036',
    ],
    'valued_measures': ['ch_035'],
    'exclusion_models': ['children_protection_register__exclusions'],
  }) }}
{% endmacro %}
