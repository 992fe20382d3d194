{#- Carers: adult and young carers’ contacts and assessments, CA/001-CA/007, CA/011-CA/016 (models/marts/measures/carers_contacts_assessments/). -#}
{% macro section_carers_contacts_assessments() %}
  {{ return({
    'measures': [
      'ca_001', 'ca_002', 'ca_003', 'ca_004', 'ca_005', 'ca_006', 'ca_007',
      'ca_011', 'ca_012', 'ca_013', 'ca_014', 'ca_015', 'ca_016',
    ],
    'valued_measures': [],
    'exclusion_models': ['carers_contacts_assessments__exclusions'],
  }) }}
{% endmacro %}
