{#- Adults: reablement, care and support plans and reviews, AD/010-AD/013 and AD/016-AD/019 (models/marts/measures/adults_plans_reviews/). -#}
{% macro section_adults_plans_reviews() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
