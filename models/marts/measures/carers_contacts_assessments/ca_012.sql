{#- CA/012: CA/011 contacts where advice or assistance was provided. -#}
with

records as (
    select * from {{ ref('int_carer_contacts__classified') }}
)

select
    collection_year,
    'CA/012' as measure_code,
    '' as part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from records
where advice_or_assistance_exclusion_reason is null and carer_group = 'young'
