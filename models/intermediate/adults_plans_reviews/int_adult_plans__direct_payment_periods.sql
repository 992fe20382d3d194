{#
  When an adult's care and support needs were met (wholly or in part) by a direct payment: one row per
  piece of evidence (AD/013 on 31 March; AD/018-AD/019 on a review due date; the direct-payment review
  cycle of AD/016-AD/019).

  Two sources, either is enough:
  - a care and support plan flagged has_direct_payment: from its first payment
    (direct_payment_first_payment_date; the plan's start when not recorded) to the plan's effective end;
  - a direct payment service line (services.csv, national type direct_payment): from its first payment
    (first_payment_date; its start date when not recorded) to its end date.
  Plans and services recorded in error, refused plans, plans of people recorded in error and direct
  payments under a carer's support plan are not evidence.
#}
with

plans as (
    select * from {{ ref('int_adult_plans__candidates') }}
),

services as (
    select * from {{ ref('service') }}
),

plan_flags as (
    select
        'plan' as evidence_source,
        plan_id as evidence_id,
        person_id,
        plan_id,
        coalesce(direct_payment_first_payment_date, start_date) as start_date,
        effective_end_date as end_date,
        source_reference
    from plans
    where
        has_direct_payment
        and plan_exclusion_reason is null
),

service_lines as (
    select
        'service' as evidence_source,
        services.service_id as evidence_id,
        services.person_id,
        services.plan_id,
        coalesce(services.first_payment_date, services.start_date) as start_date,
        services.end_date,
        services.source_reference
    from services
    left join plans
        on services.plan_id = plans.plan_id
    where
        services.service_type_code = 'direct_payment'
        and not services.is_recorded_in_error
        and coalesce(services.first_payment_date, services.start_date) is not null
        and (
            plans.plan_id is null
            or plans.plan_type_code in ({{ quoted_list(var('adult_care_and_support_plan_types')) }})
        )
),

periods as (
    select * from plan_flags
    union all
    select * from service_lines
)

select
    evidence_source,
    evidence_id,
    person_id,
    plan_id,
    start_date,
    end_date,
    source_reference
from periods
