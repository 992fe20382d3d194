{#- CH/003: CH/001 contacts where a practice decision was made by the end of the next working day. -#}
with

contacts as (
    select * from {{ ref('int_child_contacts__classified') }}
)

select
    collection_year,
    'CH/003' as measure_code,
    '' as part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from contacts
where ch_003_exclusion_reason is null
