{#- AD/002: AD/001b new contacts where advice or assistance was provided. -#}
with

contacts as (
    select * from {{ ref('int_adult_contacts__classified') }}
)

select
    collection_year,
    'AD/002' as measure_code,
    '' as part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from contacts
where ad_002_exclusion_reason is null
