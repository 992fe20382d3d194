{#- Children’s advocacy: Active Offers of Independent Professional Advocacy, CH/056-CH/057 (models/marts/measures/children_advocacy/). -#}
{% macro section_children_advocacy() %}
  {{ return({
    'measures': ['ch_056', 'ch_057'],
    'valued_measures': [],
    'exclusion_models': ['children_advocacy__exclusions'],
  }) }}
{% endmacro %}
