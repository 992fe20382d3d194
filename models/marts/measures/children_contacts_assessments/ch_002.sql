{#- CH/002: CH/001 contacts where advice or assistance was provided. -#}
with

contacts as (
    select * from {{ ref('int_child_contacts__classified') }}
)

select
    collection_year,
    'CH/002' as measure_code,
    '' as part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from contacts
where ch_002_exclusion_reason is null
