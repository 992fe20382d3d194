{#-
  CH/041: statutory visits due to looked-after children during the year, one item per visit due
  (int_lac_visits__due: the schedule of each placement and short-break series, set-based, with the
  Part 6 Code’s intervals as vars). item_id = clock:due date (':s30a' for the extra visit after a
  section 30A notice).
-#}
with

visits_due as (
    select * from {{ ref('int_lac_visits__due') }}
)

select
    collection_year,
    'CH/041' as measure_code,
    '' as part,
    item_type,
    item_id,
    person_id,
    due_date as event_date,
    source_reference
from visits_due
