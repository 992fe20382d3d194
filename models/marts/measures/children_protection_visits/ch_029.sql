{#-
  CH/029: visits due to children on the child protection register during the year, one item per
  visit due (int_cp_visits__due), by the method in var cp_visits_due_method: fixed_schedule (default,
  CH/029's worked examples: every 10 working days from day zero) or reset_at_visit (CH/030's worked
  example: each completed visit plus each 10 working days missed since the clock last started).
-#}
with

visits_due as (
    select * from {{ ref('int_cp_visits__due') }}
)

select
    collection_year,
    'CH/029' as measure_code,
    '' as part,
    item_type,
    item_id,
    person_id,
    due_date as event_date,
    source_reference
from visits_due
where exclusion_reason is null
