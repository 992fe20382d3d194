{#
  The one definition of the plans that mean an adult is "receiving care and support" or "has a
  care and support plan" (AD/001b new contacts, AD/004 re-assessments, AD/008 repeat assessments,
  the plan a service belongs to in AD/014-AD/015 and AD/029-AD/031): the shared definition
  (int_plans__care_and_support_lifetimes, var care_and_support_plan_types) less two kinds of plan the
  adults' catalogue says are not the local authority's care and support (AD/012 and the plan and
  review measures that follow it):
  - a Care and Treatment Plan (Mental Health (Wales) Measure 2010) that social services neither
    coordinate nor pay for - it is the health board's (var
    adult_care_and_treatment_plan_needs_social_services, default true);
  - a plan drawn up by a commissioned or third-party organisation the person was signposted to,
    with no care co-ordination or review duty for the council (var
    adult_commissioned_third_party_plan_is_care_and_support, default false).
  Carers' support plans are not care and support here either (AD/001 include 8).
#}
with

lifetimes as (
    select * from {{ ref('int_plans__care_and_support_lifetimes') }}
),

plans as (
    select * from {{ ref('plan') }}
)

select
    lifetimes.plan_id,
    lifetimes.person_id,
    lifetimes.plan_type_code,
    lifetimes.start_date,
    lifetimes.end_date,
    plans.is_care_and_treatment_plan,
    plans.is_social_services_responsible,
    plans.is_commissioned_third_party_plan
from lifetimes
inner join plans
    on lifetimes.plan_id = plans.plan_id
where
    {%- if var('adult_care_and_treatment_plan_needs_social_services') %}
        not (plans.is_care_and_treatment_plan and not plans.is_social_services_responsible)
    {%- else %}
        true
    {%- endif %}
    {%- if not var('adult_commissioned_third_party_plan_is_care_and_support') %}
        and not plans.is_commissioned_third_party_plan
    {%- endif %}
