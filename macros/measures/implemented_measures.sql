{#
  The measure models the project implements, one per catalogue measure (models/marts/measures/).
  Adding a measure = writing its model and adding its name here: measure_items, pif_return and
  measure_coverage all follow. A model's measure code is its name written as the catalogue writes
  it: ch_004 -> CH/004, as_004a -> AS/004a (measure_code_of).
#}
{% macro implemented_measures() %}
  {{ return([
    'ch_001', 'ch_002', 'ch_003', 'ch_004', 'ch_005', 'ch_006', 'ch_007',
    'ch_008', 'ch_009', 'ch_010', 'ch_011', 'ch_012', 'ch_013', 'ch_014',
  ]) }}
{% endmacro %}

{% macro measure_code_of(model_name) %}
  {% set prefix, number = model_name.split('_', 1) %}
  {{ return(prefix | upper ~ '/' ~ number) }}
{% endmacro %}
