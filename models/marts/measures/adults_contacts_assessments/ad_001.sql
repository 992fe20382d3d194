{#-
  AD/001: contacts received for adults during the year: (a) all contacts to the IAA service,
  including people receiving care and support; (b) new contacts, people not receiving care and
  support at the time. A new contact is an item of both parts.
-#}
with

contacts as (
    select * from {{ ref('int_adult_contacts__classified') }}
),

parts as (
    select
        contacts.*,
        'a' as part
    from contacts
    where contacts.is_in_ad_001a
    union all
    select
        contacts.*,
        'b' as part
    from contacts
    where contacts.is_in_ad_001b
)

select
    collection_year,
    'AD/001' as measure_code,
    part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from parts
