{#- Carers: adult and young carers’ support plans and reviews, CA/008-CA/010, CA/017-CA/020 (models/marts/measures/carers_plans_reviews/). -#}
{% macro section_carers_plans_reviews() %}
  {{ return({
    'measures': ['ca_008', 'ca_009', 'ca_010', 'ca_017', 'ca_018', 'ca_019', 'ca_020'],
    'valued_measures': [],
    'exclusion_models': ['carers_plans_reviews__exclusions'],
  }) }}
{% endmacro %}
