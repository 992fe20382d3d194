{#
  The tables of the WCCIS-like source contract, in one list, so the rejection report and the
  row-conservation test cover every entity. tests_py/test_contract.py checks this list against the
  contract files (models/staging/wccis/_wccis__sources*.yml).
#}
{% macro wccis_entities() %}
  {{ return([
    'people', 'contacts', 'assessments', 'plans',
    'reviews', 'visits', 'strategy_meetings', 'strategy_meeting_factors', 'section_47_enquiries',
    'cp_conferences', 'cp_registrations', 'core_group_meetings', 'looked_after_episodes',
    'missing_episodes', 'school_changes', 'care_leavers', 'care_leaver_activities', 'advocacy_offers',
    'services', 'reablement_episodes', 'financial_assessments', 'advocacy_needs',
    'adult_safeguarding_reports', 'adult_safeguarding_enquiries', 'adult_safeguarding_alleged_perpetrators',
    'adult_safeguarding_meetings', 'carer_relationships', 'carer_assessment_offers',
    'adult_safeguarding_investigations',
  ]) }}
{% endmacro %}
