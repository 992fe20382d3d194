with

offers as (
    select * from {{ ref('stg_wccis__advocacy_offers') }}
)

select
    offers.advocacy_offer_id,
    offers.person_id,
    offers.offer_date,
    offer_trigger.national_code as trigger_code,
    coalesce(offers.is_active_offer, false) as is_active_offer,
    coalesce(offers.advocate_provided, false) as is_advocate_provided,
    offers.advocate_provided_date,
    offers.provider_name,
    coalesce(offers.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('offers.source_file', 'offers.source_row') }} as source_reference
from offers
{{ decode_join('advocacy_trigger', 'offers.trigger_code', 'offer_trigger') }}
