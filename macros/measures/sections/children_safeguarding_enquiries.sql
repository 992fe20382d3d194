{#- Children's safeguarding: strategy meetings, section 47 enquiries and missing children, CH/020-CH/022 and CH/031-CH/034 (models/marts/measures/children_safeguarding_enquiries/). -#}
{% macro section_children_safeguarding_enquiries() %}
  {{ return({
    'measures': [],
    'valued_measures': [],
    'exclusion_models': [],
  }) }}
{% endmacro %}
