{#- Adults: reablement, care and support plans and reviews, AD/010-AD/013 and AD/016-AD/019 (models/marts/measures/adults_plans_reviews/). -#}
{% macro section_adults_plans_reviews() %}
  {{ return({
    'measures': [
      'ad_010', 'ad_011', 'ad_012', 'ad_013', 'ad_016', 'ad_017', 'ad_018', 'ad_019',
    ],
    'valued_measures': [],
    'exclusion_models': ['adults_plans_reviews__exclusions'],
  }) }}
{% endmacro %}
