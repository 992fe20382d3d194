{#-
  AD/014, AD/015, AD/029-AD/033: why a candidate record is not counted, one row per record,
  collection year and measure (unioned into measure_exclusions). AD/029a and AD/029c count adults:
  a financial assessment that does not qualify is listed only when the adult is not counted in that
  year through another one (likewise a flat-rate service for AD/029b). AD/031 and AD/033 list only
  items of their base measure (AD/030, AD/032).
-#}
with

starts as (
    select * from {{ ref('int_adult_services__starts') }}
),

open_services as (
    select * from {{ ref('int_adult_services__open_on_31_march') }}
),

types_on_31_march as (
    select * from {{ ref('int_adult_services__types_on_31_march') }}
),

financial_assessments as (
    select * from {{ ref('int_financial_assessments__classified') }}
),

flat_rate_services as (
    select * from {{ ref('int_adult_services__flat_rate_charges') }}
),

advocacy_needs as (
    select * from {{ ref('int_advocacy_needs__classified') }}
),

maximum_charge_adults as (
    select distinct
        collection_year,
        person_id
    from financial_assessments
    where is_in_ad_029a
),

capital_limit_adults as (
    select distinct
        collection_year,
        person_id
    from financial_assessments
    where is_in_ad_029c
),

flat_rate_items as (
    select distinct
        collection_year,
        item_id
    from flat_rate_services
    where is_in_ad_029b
)

{%- for measure_code, prefix in [('AD/014', 'ad_014'), ('AD/015', 'ad_015')] %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'service' as item_type,
        service_id as item_id,
        person_id,
        start_date as event_date,
        {{ prefix }}_exclusion_reason as exclusion_reason,
        source_reference
    from starts
    where {{ prefix }}_exclusion_reason is not null

    union all
{%- endfor %}

select
    financial_assessments.collection_year,
    'AD/029' as measure_code,
    'financial_assessment' as item_type,
    financial_assessments.financial_assessment_id as item_id,
    financial_assessments.person_id,
    financial_assessments.charge_window_start_date as event_date,
    'part a: ' || financial_assessments.ad_029a_exclusion_reason as exclusion_reason,
    financial_assessments.source_reference
from financial_assessments
left join maximum_charge_adults
    on
        financial_assessments.collection_year = maximum_charge_adults.collection_year
        and financial_assessments.person_id = maximum_charge_adults.person_id
where
    financial_assessments.ad_029a_exclusion_reason is not null
    and maximum_charge_adults.person_id is null

union all

select
    flat_rate_services.collection_year,
    'AD/029' as measure_code,
    'service' as item_type,
    flat_rate_services.service_id as item_id,
    flat_rate_services.person_id,
    flat_rate_services.delivered_from_date as event_date,
    'part b: ' || flat_rate_services.ad_029b_exclusion_reason as exclusion_reason,
    flat_rate_services.source_reference
from flat_rate_services
left join flat_rate_items
    on
        flat_rate_services.collection_year = flat_rate_items.collection_year
        and flat_rate_services.item_id = flat_rate_items.item_id
where
    flat_rate_services.ad_029b_exclusion_reason is not null
    and flat_rate_items.item_id is null

union all

select
    financial_assessments.collection_year,
    'AD/029' as measure_code,
    'financial_assessment' as item_type,
    financial_assessments.financial_assessment_id as item_id,
    financial_assessments.person_id,
    financial_assessments.capital_limit_event_date as event_date,
    'part c: ' || financial_assessments.ad_029c_exclusion_reason as exclusion_reason,
    financial_assessments.source_reference
from financial_assessments
left join capital_limit_adults
    on
        financial_assessments.collection_year = capital_limit_adults.collection_year
        and financial_assessments.person_id = capital_limit_adults.person_id
where
    financial_assessments.ad_029c_exclusion_reason is not null
    and capital_limit_adults.person_id is null

union all

select
    collection_year,
    'AD/030' as measure_code,
    'service' as item_type,
    service_id as item_id,
    person_id,
    snapshot_date as event_date,
    ad_030_exclusion_reason as exclusion_reason,
    source_reference
from open_services
where ad_030_exclusion_reason is not null

union all

select
    collection_year,
    'AD/031' as measure_code,
    'adult_care_type' as item_type,
    item_id,
    person_id,
    snapshot_date as event_date,
    ad_031_exclusion_reason as exclusion_reason,
    source_reference
from types_on_31_march
where ad_031_exclusion_reason is not null

union all

select
    collection_year,
    'AD/032' as measure_code,
    'advocacy_need' as item_type,
    advocacy_need_id as item_id,
    person_id,
    identified_date as event_date,
    ad_032_exclusion_reason as exclusion_reason,
    source_reference
from advocacy_needs
where ad_032_exclusion_reason is not null

union all

select
    collection_year,
    'AD/033' as measure_code,
    'advocacy_need' as item_type,
    advocacy_need_id as item_id,
    person_id,
    identified_date as event_date,
    ad_033_exclusion_reason as exclusion_reason,
    source_reference
from advocacy_needs
where is_in_ad_032 and ad_033_exclusion_reason is not null
