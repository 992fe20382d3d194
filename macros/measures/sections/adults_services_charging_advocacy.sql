{#- Adults: services, charging and advocacy, AD/014-AD/015 and AD/029-AD/033 (models/marts/measures/adults_services_charging_advocacy/). -#}
{% macro section_adults_services_charging_advocacy() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
