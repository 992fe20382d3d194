{#- AD/003 a-r: AD/002 contacts by contact source (seeds/measure_part_map.csv). -#}
with

contacts as (
    select * from {{ ref('int_adult_contacts__classified') }}
),

source_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'AD/003'
)

select
    contacts.collection_year,
    'AD/003' as measure_code,
    source_parts.part,
    'contact' as item_type,
    contacts.contact_id as item_id,
    contacts.person_id,
    contacts.received_date as event_date,
    contacts.source_reference
from contacts
inner join source_parts
    on
        source_parts.code_list = 'contact_source'
        and contacts.contact_source_code = source_parts.national_code
where contacts.ad_002_exclusion_reason is null
