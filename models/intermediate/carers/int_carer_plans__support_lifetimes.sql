{#
  The one definition of "in receipt of support as a carer" and "already has a support plan" (CA/001
  and CA/011 exclude 1, CA/004 and CA/014 re-assessments, CA/006 exclude 2): the plans that meet a
  person's needs as a carer, one row per plan, open from its start date to its end date inclusive.

  - a carer's or young carer's support plan (national plan type carer_support);
  - a care and support plan (var care_and_support_plan_types) flagged includes_needs_as_carer - a
    single integrated plan that also meets the person's needs as a carer (CA/008, CA/017 part b).
  Not: refused plans, plans or people recorded in error, and plans drawn up by a commissioned or
  third-party organisation the carer was signposted to (the local authority does not support the
  carer through them: CA/008 exclude 5).
#}
with

plans as (
    select * from {{ ref('plan') }}
),

people as (
    select * from {{ ref('person') }}
)

select
    plans.plan_id,
    plans.person_id,
    plans.plan_type_code,
    plans.plan_type_code <> 'carer_support' as is_integrated_plan,
    plans.start_date,
    plans.end_date
from plans
inner join people
    on plans.person_id = people.person_id
where
    not plans.is_recorded_in_error
    and not plans.is_refused
    and not plans.is_commissioned_third_party_plan
    and not people.is_recorded_in_error
    and (
        plans.plan_type_code = 'carer_support'
        or (
            plans.plan_type_code in ({{ quoted_list(var('care_and_support_plan_types')) }})
            and plans.includes_needs_as_carer
        )
    )
