{#-
  CA/006: offers of a carer’s needs assessment to adult carers without a support plan as a carer that
  were refused during the year.
-#}
with

records as (
    select * from {{ ref('int_carer_assessment_offers__refusals') }}
)

select
    collection_year,
    'CA/006' as measure_code,
    '' as part,
    'carer_assessment_offer' as item_type,
    offer_id as item_id,
    person_id,
    offered_date as event_date,
    source_reference
from records
where ca_006_exclusion_reason is null
