{#
  Every service (canonical service), with the person's dates, the care and support plan it is
  identified in, and the reason it can never be counted in an adults' services measure (AD/014,
  AD/015, AD/029b, AD/030, AD/031), whatever the date. Null = usable.

  Interpretations (docs/interpretations.md):
  - The plan is the service's plan_id when that plan is a care and support plan in force (see
    int_adult_plans__care_and_support_lifetimes). A service with no plan_id is placed in the care and
    support plan open on its start date (the latest started). A service in a carer's support plan is
    support for the carer (person_id is the carer) and is not counted: these measures apply to adults
    with a care and support plan only.
  - A bridging service counts only when it is like-for-like (AD/014, AD/015, AD/030 exclude 3/1).
#}
with

services as (
    select * from {{ ref('service') }}
),

people as (
    select * from {{ ref('person') }}
),

plans as (
    select * from {{ ref('plan') }}
),

care_and_support_plans as (
    select * from {{ ref('int_adult_plans__care_and_support_lifetimes') }}
),

plans_open_at_start as (
    select
        services.service_id,
        care_and_support_plans.plan_id,
        row_number() over (
            partition by services.service_id
            order by care_and_support_plans.start_date desc, care_and_support_plans.plan_id asc
        ) as plan_rank
    from services
    inner join care_and_support_plans
        on
            services.person_id = care_and_support_plans.person_id
            and {{ is_open_on('care_and_support_plans', 'services.start_date') }}
    where services.plan_id is null
),

linked as (
    select
        services.*,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.date_of_death,
        people.is_recorded_in_error as is_person_recorded_in_error,
        plans.plan_type_code as linked_plan_type_code,
        coalesce(own_plan.plan_id, plans_open_at_start.plan_id) as care_and_support_plan_id
    from services
    inner join people
        on services.person_id = people.person_id
    left join plans
        on services.plan_id = plans.plan_id
    left join care_and_support_plans as own_plan
        on services.plan_id = own_plan.plan_id
    left join plans_open_at_start
        on
            services.service_id = plans_open_at_start.service_id
            and plans_open_at_start.plan_rank = 1
),

with_plan_dates as (
    select
        linked.*,
        care_and_support_plans.start_date as plan_start_date
    from linked
    left join care_and_support_plans
        on linked.care_and_support_plan_id = care_and_support_plans.plan_id
)

select
    service_id,
    person_id,
    plan_id,
    care_and_support_plan_id,
    plan_start_date,
    service_type_code,
    needs_identified_date,
    scheduled_start_date,
    start_date,
    end_date,
    is_change_to_existing_service,
    replaces_service_id,
    is_bridging_service,
    is_bridging_like_for_like,
    charge_basis_code,
    date_of_birth,
    expected_date_of_birth,
    date_of_death,
    source_reference,
    case
        when is_recorded_in_error then 'service recorded in error'
        when is_person_recorded_in_error then 'person record created in error'
        when date_of_birth is null and expected_date_of_birth is null
            then 'no date of birth: cannot tell the person is an adult'
        when linked_plan_type_code = 'carer_support'
            then 'service in a carer''s support plan: carers receiving support are not counted'
        when plan_id is not null and care_and_support_plan_id is null
            then
                'service''s plan ' || plan_id || ' is not a care and support plan in force ('
                || coalesce(linked_plan_type_code, 'unknown type')
                || ' plan, refused, recorded in error, or a Care and Treatment Plan'
                || ' social services are not responsible for)'
        when care_and_support_plan_id is null
            then 'service not linked to a care and support plan (no plan_id, none open on the start date)'
        when is_bridging_service and not is_bridging_like_for_like
            then 'bridging service that is not like-for-like'
    end as service_exclusion_reason
from with_plan_dates
