{#
  The measures the project implements, by catalogue section. Each section has its own macro file in
  macros/measures/sections/ returning:
    measures          the measure models of the section (models/marts/measures/<section>/), one per
                      catalogue measure; a model's measure code is its name written as the catalogue
                      writes it: ch_004 -> CH/004, ch_020a -> CH/020a (measure_code_of)
    valued_measures   those of them whose figure is a sum of item_value (days) rather than a count
    exclusion_models  models listing why candidate records were not counted (measure_exclusions)
  Adding a measure = writing its model and adding its name to its section's macro: measure_items,
  pif_return, measure_exclusions and measure_coverage all follow.
#}
{% macro measure_sections() %}
  {{ return([
    section_children_contacts_assessments(),
    section_children_plans(),
    section_children_safeguarding_enquiries(),
    section_children_protection_register(),
    section_children_protection_visits(),
    section_children_looked_after(),
    section_adults_contacts_assessments(),
    section_adults_plans_reviews(),
    section_adults_services_charging_advocacy(),
    section_adults_safeguarding(),
    section_carers_contacts_assessments(),
    section_carers_plans_reviews(),
    section_children_care_leavers(),
    section_children_advocacy(),
  ]) }}
{% endmacro %}

{% macro implemented_measures() %}
  {% set names = [] %}
  {% for section in measure_sections() %}
    {% do names.extend(section.measures) %}
  {% endfor %}
  {{ return(names) }}
{% endmacro %}

{% macro valued_measures() %}
  {% set names = [] %}
  {% for section in measure_sections() %}
    {% do names.extend(section.get('valued_measures', [])) %}
  {% endfor %}
  {{ return(names) }}
{% endmacro %}

{% macro exclusion_models() %}
  {% set names = [] %}
  {% for section in measure_sections() %}
    {% do names.extend(section.get('exclusion_models', [])) %}
  {% endfor %}
  {{ return(names) }}
{% endmacro %}

{#
  Measures whose return crosses their category parts with their age-band parts (the registry’s
  age_* parts, two splits of the same items): pif_return gives each listed part a row per age band in
  its breakdown column, as the published return prints CH/023 (category x age).
#}
{% macro age_breakdowns() %}
  {{ return({
    'CH/023': ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
    'AD/030': ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    'AD/031': ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    'AD/022': ['a', 'b', 'c', 'd', 'e'],
  }) }}
{% endmacro %}

{% macro measure_code_of(model_name) %}
  {% set prefix, number = model_name.split('_', 1) %}
  {{ return(prefix | upper ~ '/' ~ number) }}
{% endmacro %}
