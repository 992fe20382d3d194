{#
  The tables of the WCCIS-like source contract, in one list, so the rejection report and the
  row-conservation test cover every entity. tests/python check this list against the contract.
#}
{% macro wccis_entities() %}
  {{ return([
    'people', 'contacts', 'assessments', 'plans',
  ]) }}
{% endmacro %}
