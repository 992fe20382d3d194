with

offers as (
    select * from {{ ref('stg_wccis__carer_assessment_offers') }}
)

select
    offers.offer_id,
    offers.person_id,
    offers.contact_id,
    offers.offered_date,
    offer_route.national_code as offer_route_code,
    outcome.national_code as outcome_code,
    offers.outcome_date,
    coalesce(offers.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('offers.source_file', 'offers.source_row') }} as source_reference
from offers
{{ decode_join('carer_offer_route', 'offers.offer_route_code', 'offer_route') }}
{{ decode_join('carer_offer_outcome', 'offers.outcome_code', 'outcome') }}
