{#- Care leavers: pathway plans, personal advisers, homelessness, categories, EET and 'When I am Ready', CH/049-CH/055 (models/marts/measures/children_care_leavers/). -#}
{% macro section_children_care_leavers() %}
  {{ return({
    'measures': ['ch_049', 'ch_050', 'ch_051', 'ch_052', 'ch_053', 'ch_054', 'ch_055'],
    'valued_measures': [],
    'exclusion_models': ['children_care_leavers__exclusions'],
  }) }}
{% endmacro %}
