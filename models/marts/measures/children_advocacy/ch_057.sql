{#-
  CH/057: CH/056 offers where an Independent Professional Advocate was provided (whenever
  provided), dated by the offer date.
-#}
with

offers as (
    select * from {{ ref('int_advocacy_offers__classified') }}
)

select
    collection_year,
    'CH/057' as measure_code,
    '' as part,
    'advocacy_offer' as item_type,
    advocacy_offer_id as item_id,
    person_id,
    offer_date as event_date,
    source_reference
from offers
where is_in_ch_057
