{#- Children’s safeguarding: strategy meetings, section 47 enquiries and missing children, CH/020-CH/022 and CH/031-CH/034 (models/marts/measures/children_safeguarding_enquiries/). -#}
{% macro section_children_safeguarding_enquiries() %}
  {{ return({
    'measures': [
      'ch_020a', 'ch_020b', 'ch_020c', 'ch_021a', 'ch_021b', 'ch_021c',
      'ch_022', 'ch_031', 'ch_032', 'ch_033', 'ch_034',
    ],
    'valued_measures': [],
    'exclusion_models': ['children_safeguarding_enquiries__exclusions'],
  }) }}
{% endmacro %}
