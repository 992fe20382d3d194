{#- Adults: contacts and assessments, AD/001-AD/009 (models/marts/measures/adults_contacts_assessments/). -#}
{% macro section_adults_contacts_assessments() %}
  {{ return({
    'measures': [
      'ad_001', 'ad_002', 'ad_003', 'ad_004', 'ad_005', 'ad_006', 'ad_007', 'ad_008', 'ad_009',
    ],
    'valued_measures': [],
    'exclusion_models': ['adults_contacts_assessments__exclusions'],
  }) }}
{% endmacro %}
