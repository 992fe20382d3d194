{#
  Every plan that could be an adult's care and support plan (AD/012-AD/019), one row per plan, with
  the plan-level reason it can never count (null = it counts whenever it is open and the person is an
  adult on the date the measure names).

  Candidates: plans of the types in var adult_care_and_support_plan_types (care_and_support), and
  plans of the types in var adult_plan_types_listed_as_excluded (carers' support plans, specialist
  plans), so that a performance officer sees why those are not counted.

  Interpretations (docs/interpretations.md):
  - A plan is authorised on its start date (source contract: "date the plan was authorised and
    started"), so every plan is active from its start.
  - A Care and Treatment Plan counts only where social services coordinate or pay for it
    (is_social_services_responsible); the data are then held by the local authority.
  - The plan's effective end is the earlier of its end date and the person's date of death.
#}
with

plans as (
    select * from {{ ref('plan') }}
),

people as (
    select * from {{ ref('person') }}
),

candidates as (
    select
        plans.plan_id,
        plans.person_id,
        plans.plan_type_code,
        plans.start_date,
        plans.end_date,
        people.date_of_death,
        case
            when people.date_of_death is not null and (plans.end_date is null or people.date_of_death < plans.end_date)
                then people.date_of_death
            else plans.end_date
        end as effective_end_date,
        people.date_of_birth,
        plans.includes_needs_as_carer,
        plans.has_direct_payment,
        plans.direct_payment_first_payment_date,
        plans.is_care_and_treatment_plan,
        plans.is_social_services_responsible,
        plans.is_commissioned_third_party_plan,
        plans.is_refused,
        plans.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        plans.source_reference
    from plans
    inner join people
        on plans.person_id = people.person_id
    where
        plans.plan_type_code in (
            {{ quoted_list(var('adult_care_and_support_plan_types') + var('adult_plan_types_listed_as_excluded')) }}
        )
)

select
    plan_id,
    person_id,
    plan_type_code,
    start_date,
    end_date,
    date_of_death,
    effective_end_date,
    date_of_birth,
    includes_needs_as_carer,
    has_direct_payment,
    direct_payment_first_payment_date,
    is_care_and_treatment_plan,
    is_social_services_responsible,
    is_commissioned_third_party_plan,
    is_refused,
    is_recorded_in_error,
    is_person_recorded_in_error,
    source_reference,
    case
        when is_recorded_in_error then 'plan recorded in error'
        when is_person_recorded_in_error then 'person record created in error'
        when plan_type_code = 'carer_support'
            then 'carer''s support plan: not a care and support plan (carers are counted by the CA measures)'
        when plan_type_code not in ({{ quoted_list(var('adult_care_and_support_plan_types')) }})
            then 'specialist plan (' || plan_type_code || ') that does not meet care and support needs'
        when is_refused then 'care and support plan refused'
        when is_commissioned_third_party_plan
            then 'plan drawn up by a commissioned or third-party organisation after signposting: no council review duty'
        when is_care_and_treatment_plan and not is_social_services_responsible
            then 'Care and Treatment Plan without social services care co-ordination or funding'
        when date_of_birth is null then 'no date of birth: cannot tell the person is an adult'
    end as plan_exclusion_reason
from candidates
