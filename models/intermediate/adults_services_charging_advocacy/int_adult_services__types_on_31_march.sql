{#
  AD/030 and AD/031 items: one row per collection year, adult and AD/030 type of care and support the
  adult received on 31 March (from the services counted in AD/030, int_adult_services__open_on_31_march).
  An adult with two services of one type (two home-care packages) is one item of that type; an adult
  with services of two types is an item of each (AD/031 include 4, read for AD/030 too). The item's
  age band is the adult's age on 31 March, so the type parts and the age parts are two splits of the
  same items. The adult is charged for the type (AD/031) when any of its services is charged.
#}
with

services as (
    select * from {{ ref('int_adult_services__open_on_31_march') }}
    where is_in_ad_030
),

items as (
    select
        collection_year,
        person_id,
        ad_030_part,
        min(snapshot_date) as snapshot_date,
        min(age_on_31_march) as age_on_31_march,
        min(age_band_part) as age_band_part,
        count(*) as service_count,
        max(case when is_charged then 1 else 0 end) as has_charged_service,
        min(source_reference) as source_reference,
        min(charge_exclusion_reason) as charge_exclusion_reason
    from services
    group by collection_year, person_id, ad_030_part
)

select
    collection_year,
    person_id || ':' || ad_030_part as item_id,
    person_id,
    ad_030_part,
    age_band_part,
    age_on_31_march,
    snapshot_date,
    service_count,
    source_reference,
    has_charged_service = 1 as is_charged,
    case
        when has_charged_service = 0 then 'not charged for this type of care and support: ' || charge_exclusion_reason
    end as ad_031_exclusion_reason
from items
