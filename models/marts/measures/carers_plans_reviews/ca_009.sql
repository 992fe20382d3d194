{#-
  CA/009: support plans of adult carers (18 or over on the due date) with a review due in the
  collection year. One item per plan, dated its first due date in the year.
-#}
with

due as (
    select * from {{ ref('int_carer_reviews__due') }}
)

select
    collection_year,
    'CA/009' as measure_code,
    '' as part,
    'plan' as item_type,
    plan_id as item_id,
    person_id,
    due_date as event_date,
    source_reference
from due
where carer_group = 'adult' and is_plan_first_due_row_of_group
