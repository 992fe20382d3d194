{#-
  AD/027: AD/026 enquiries where further action was determined necessary and the adult refused to
  participate in it.
-#}
with

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
)

select
    collection_year,
    'AD/027' as measure_code,
    '' as part,
    'adult_safeguarding_enquiry' as item_type,
    enquiry_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from enquiries
where is_in_ad_027
