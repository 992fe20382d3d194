{#- Adults: services, charging and advocacy, AD/014-AD/015 and AD/029-AD/033 (models/marts/measures/adults_services_charging_advocacy/). -#}
{% macro section_adults_services_charging_advocacy() %}
  {{ return({
    'measures': ['ad_014', 'ad_015', 'ad_029', 'ad_030', 'ad_031', 'ad_032', 'ad_033'],
    'valued_measures': ['ad_014'],
    'exclusion_models': ['adults_services_charging_advocacy__exclusions'],
  }) }}
{% endmacro %}
