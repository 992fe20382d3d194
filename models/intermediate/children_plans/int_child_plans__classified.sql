{#
  Every plan (children’s and adults’: the age test is made where a date is known), with whether it
  is a children’s care and support plan for CH/015-CH/016 and whether its reviews may count in
  CH/017-CH/019, and why not.

  Interpretations (docs/interpretations.md):
  - A care and support plan is a plan of a type in var care_and_support_plan_types (care and
    support, child protection, looked-after care, pathway: Part 4 and Part 6 plans, CH/015 include
    3-5, 7). Its start date is the date it was authorised (source contract), so an open plan is
    "active" (include 2).
  - Not care and support plans: young carers’ support plans (exclude 1), SGO support, Team Around
    the Family and Occupational Therapy-only plans (include 2), plans refused (exclude 5), drawn up
    by a signposted third party (exclude 7), recorded in error (exclude 8), and Care and Treatment
    Plans that social services neither co-ordinate nor pay for (specialist plans, exclude 2).
  - CH/015b evidence of needs as a carer: a young carer’s support plan that is not refused, in
    error or a third party’s, or a care and support plan that also meets needs as a carer
    (includes_needs_as_carer: a single integrated plan).
  - Reviews (CH/017-CH/019) follow the plan’s exclusions except its type: SGO support plans are
    reviewed in parts d and e.
#}
with

plans as (
    select * from {{ ref('plan') }}
),

people as (
    select * from {{ ref('person') }}
),

plans_with_people as (
    select
        plans.*,
        people.is_recorded_in_error as is_person_recorded_in_error,
        case plans.plan_type_code
            when 'sgo_support' then 'Special Guardianship Order support'
            when 'team_around_family' then 'Team Around the Family'
            when 'occupational_therapy_only' then 'Occupational Therapy-only'
            when 'carer_support' then 'young carer''s support'
            else plans.plan_type_code
        end as plan_type_label
    from plans
    inner join people
        on plans.person_id = people.person_id
),

classified as (
    select
        *,
        case
            when is_recorded_in_error then 'plan recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when is_refused then 'plan refused'
            when is_commissioned_third_party_plan
                then 'plan drawn up by a signposted third party: no council care co-ordination or review'
            when plan_type_code in ('carer_support', 'team_around_family', 'occupational_therapy_only')
                then plan_type_label || ' plan: not a care and support plan'
            when is_care_and_treatment_plan and not is_social_services_responsible
                then 'Care and Treatment Plan not co-ordinated or paid for by social services: a specialist plan'
        end as review_exclusion_reason
    from plans_with_people
),

final as (
    select
        *,
        case
            when review_exclusion_reason is not null then review_exclusion_reason
            when plan_type_code not in ({{ quoted_list(var('care_and_support_plan_types')) }})
                then plan_type_label || ' plan: not a care and support plan'
        end as care_and_support_exclusion_reason
    from classified
)

select
    plan_id,
    person_id,
    plan_type_code,
    start_date,
    end_date,
    has_direct_payment,
    direct_payment_first_payment_date,
    includes_needs_as_carer,
    is_refused,
    is_commissioned_third_party_plan,
    is_care_and_treatment_plan,
    is_social_services_responsible,
    is_recorded_in_error,
    is_person_recorded_in_error,
    source_reference,
    care_and_support_exclusion_reason,
    care_and_support_exclusion_reason is null as is_care_and_support_plan,
    care_and_support_exclusion_reason is null and includes_needs_as_carer as is_integrated_carer_plan,
    (
        plan_type_code = 'carer_support'
        and not is_recorded_in_error
        and not is_person_recorded_in_error
        and not is_refused
        and not is_commissioned_third_party_plan
    ) as is_young_carer_support_plan,
    review_exclusion_reason
from final
