{#-
  CH/056: Active Offers of Independent Professional Advocacy made during the year to children aged
  5 or over on 1 April; every offer, dated by the offer date.
-#}
with

offers as (
    select * from {{ ref('int_advocacy_offers__classified') }}
)

select
    collection_year,
    'CH/056' as measure_code,
    '' as part,
    'advocacy_offer' as item_type,
    advocacy_offer_id as item_id,
    person_id,
    offer_date as event_date,
    source_reference
from offers
where is_in_ch_056
