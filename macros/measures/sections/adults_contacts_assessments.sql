{#- Adults: contacts and assessments, AD/001-AD/009 (models/marts/measures/adults_contacts_assessments/). -#}
{% macro section_adults_contacts_assessments() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
