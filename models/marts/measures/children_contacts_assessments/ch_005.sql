{#-
  CH/005: CH/001 contacts where physical punishment by a parent or carer was
  (a) a factor - one of several or the only one: every part b contact is also in part a;
  (b) the only factor.
-#}
with

contacts as (
    select * from {{ ref('int_child_contacts__classified') }}
    where is_in_ch_001
),

parts as (
    select
        contacts.*,
        'a' as part
    from contacts
    where contacts.is_physical_punishment_factor
    union all
    select
        contacts.*,
        'b' as part
    from contacts
    where contacts.is_physical_punishment_only_factor
)

select
    collection_year,
    'CH/005' as measure_code,
    part,
    'contact' as item_type,
    contact_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from parts
