{#- CH/001: contacts received for children during the year (not receiving care and support). -#}
with

contacts as (
    select * from {{ ref('int_child_contacts__classified') }}
)

select
    collection_year,
    'CH/001' as measure_code,
    '' as part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from contacts
where is_in_ch_001
