{#-
  AD/016: adults (18 or over on the date) with a review of a care and support plan due during the
  year, counted once.
-#}
with

plans as (
    select * from {{ ref('int_adult_reviews__classified') }}
)

select
    collection_year,
    'AD/016' as measure_code,
    '' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_due_date_in_year as event_date,
    source_reference
from plans
where
    is_person_first_row
    and is_in_ad_016
