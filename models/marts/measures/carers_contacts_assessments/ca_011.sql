{#-
  CA/011: contacts for support as a carer received during the year from young carers (under 18 on the
  date received) not already receiving support as a carer.
-#}
with

records as (
    select * from {{ ref('int_carer_contacts__classified') }}
)

select
    collection_year,
    'CA/011' as measure_code,
    '' as part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from records
where is_counted_contact and carer_group = 'young'
