{#- Adult safeguarding: reports, section 126 enquiries, investigations, meetings and protection plans, AD/020-AD/028 and AS/001-AS/007 (models/marts/measures/adults_safeguarding/). -#}
{% macro section_adults_safeguarding() %}
  {{ return({
    'measures': [
      'as_001', 'as_002', 'as_003', 'ad_020', 'ad_021', 'ad_022', 'as_004a', 'as_004b',
      'ad_023', 'ad_024', 'ad_025', 'as_005', 'ad_026', 'ad_027', 'ad_028', 'as_006', 'as_007',
    ],
    'valued_measures': [],
    'exclusion_models': ['adults_safeguarding__exclusions'],
  }) }}
{% endmacro %}
