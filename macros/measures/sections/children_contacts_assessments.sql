{#- Children’s contacts and assessments, CH/001-CH/014 (models/marts/measures/children_contacts_assessments/). -#}
{% macro section_children_contacts_assessments() %}
  {{ return({
    'measures': [
      'ch_001', 'ch_002', 'ch_003', 'ch_004', 'ch_005', 'ch_006', 'ch_007',
      'ch_008', 'ch_009', 'ch_010', 'ch_011', 'ch_012', 'ch_013', 'ch_014',
    ],
    'exclusion_models': ['children_contacts_assessments__exclusions'],
  }) }}
{% endmacro %}
