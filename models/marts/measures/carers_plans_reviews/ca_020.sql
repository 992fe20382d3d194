{#-
  CA/020: CA/018 reviews due that were met by an authorised review held on or before 31 March of the
  year, in time or not.
-#}
with

due as (
    select * from {{ ref('int_carer_reviews__due') }}
)

select
    collection_year,
    'CA/020' as measure_code,
    '' as part,
    'review_due' as item_type,
    due_review_id as item_id,
    person_id,
    due_date as event_date,
    source_reference
from due
where carer_group = 'young' and ca_020_exclusion_reason is null
