{#-
  AD/024: enquiries of the AD/023 base completed within 7 working days of the day the report was
  received (day zero).
-#}
with

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
)

select
    collection_year,
    'AD/024' as measure_code,
    '' as part,
    'adult_safeguarding_enquiry' as item_type,
    enquiry_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from enquiries
where is_in_ad_024
