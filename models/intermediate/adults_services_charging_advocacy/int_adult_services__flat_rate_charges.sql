{#
  AD/029b candidates: every flat-rate service (charge basis flat_rate) delivered on some day of a
  configured collection year, one row per service and year, with the decision and, where not counted,
  why. The measure counts an adult once per type of flat-rate service (meals and laundry = 2; meals
  twice a week = 1: AD/029 include 2b-2c), so its item is the adult and the service type.

  Interpretations (docs/interpretations.md):
  - "Delivered and chargeable in the collection year": the service ran on at least one day of the
    year. The adult is 18 or over on the last day it ran in the year.
  - Adults with a care and support plan only (measure name, exclude 1): the service is identified in a
    care and support plan (not a carer’s support plan) and a care and support plan of the adult was
    open while it ran in the year. Flat-rate charges recorded in the extract are taken to be for
    services under section 15 or 17 of the Act (the extract cannot tell otherwise).
#}
with

services as (
    select * from {{ ref('int_adult_services__services') }}
    where charge_basis_code = 'flat_rate' and start_date is not null
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

care_and_support_plans as (
    select * from {{ ref('int_adult_plans__care_and_support_lifetimes') }}
),

in_years as (
    select
        services.*,
        collection_years.collection_year,
        case
            when services.start_date > collection_years.start_date then services.start_date
            else collection_years.start_date
        end as delivered_from_date,
        case
            when services.end_date is null or services.end_date > collection_years.end_date
                then collection_years.end_date
            else services.end_date
        end as delivered_to_date
    from services
    inner join collection_years
        on
            services.start_date <= collection_years.end_date
            and (services.end_date is null or services.end_date >= collection_years.start_date)
),

adult_candidates as (
    select * from in_years
    where
        {{ age_on('in_years', 'in_years.delivered_to_date') }} >= 18
        or (date_of_birth is null and expected_date_of_birth is null)
),

plans_while_delivered as (
    select
        adult_candidates.service_id,
        adult_candidates.collection_year,
        min(care_and_support_plans.plan_id) as plan_id
    from adult_candidates
    inner join care_and_support_plans
        on
            adult_candidates.person_id = care_and_support_plans.person_id
            and adult_candidates.delivered_to_date >= care_and_support_plans.start_date
            and (
                care_and_support_plans.end_date is null
                or adult_candidates.delivered_from_date <= care_and_support_plans.end_date
            )
    group by adult_candidates.service_id, adult_candidates.collection_year
),

classified as (
    select
        adult_candidates.*,
        plans_while_delivered.plan_id as open_plan_id,
        case
            when adult_candidates.service_exclusion_reason is not null then adult_candidates.service_exclusion_reason
            when plans_while_delivered.plan_id is null
                then 'no care and support plan open while the service was delivered in the year'
        end as ad_029b_exclusion_reason
    from adult_candidates
    left join plans_while_delivered
        on
            adult_candidates.service_id = plans_while_delivered.service_id
            and adult_candidates.collection_year = plans_while_delivered.collection_year
)

select
    service_id,
    person_id,
    collection_year,
    service_type_code,
    person_id || ':' || service_type_code as item_id,
    start_date,
    end_date,
    delivered_from_date,
    delivered_to_date,
    open_plan_id,
    source_reference,
    ad_029b_exclusion_reason,
    ad_029b_exclusion_reason is null as is_in_ad_029b
from classified
