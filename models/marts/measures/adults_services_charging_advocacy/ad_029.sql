{#-
  AD/029 a-c: adults with a care and support plan who in the year (a) paid the maximum weekly charge
  for non-residential care, (b) paid a flat-rate charge (once per type of flat-rate service),
  (c) were assessed to be over the capital limit for residential care. a and c count each adult once.
-#}
with

financial_assessments as (
    select * from {{ ref('int_financial_assessments__classified') }}
),

flat_rate_services as (
    select * from {{ ref('int_adult_services__flat_rate_charges') }}
    where is_in_ad_029b
),

maximum_charge_assessments as (
    select
        collection_year,
        person_id,
        charge_window_start_date as event_date,
        source_reference,
        row_number() over (
            partition by collection_year, person_id
            order by charge_window_start_date, financial_assessment_id
        ) as assessment_rank
    from financial_assessments
    where is_in_ad_029a
),

capital_limit_assessments as (
    select
        collection_year,
        person_id,
        capital_limit_event_date as event_date,
        source_reference,
        row_number() over (
            partition by collection_year, person_id
            order by capital_limit_event_date, financial_assessment_id
        ) as assessment_rank
    from financial_assessments
    where is_in_ad_029c
),

flat_rate_items as (
    select
        collection_year,
        item_id,
        person_id,
        delivered_from_date as event_date,
        source_reference,
        row_number() over (
            partition by collection_year, item_id
            order by delivered_from_date, service_id
        ) as service_rank
    from flat_rate_services
)

select
    collection_year,
    'AD/029' as measure_code,
    'a' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    event_date,
    source_reference
from maximum_charge_assessments
where assessment_rank = 1

union all

select
    collection_year,
    'AD/029' as measure_code,
    'b' as part,
    'adult_flat_rate_service' as item_type,
    item_id,
    person_id,
    event_date,
    source_reference
from flat_rate_items
where service_rank = 1

union all

select
    collection_year,
    'AD/029' as measure_code,
    'c' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    event_date,
    source_reference
from capital_limit_assessments
where assessment_rank = 1
