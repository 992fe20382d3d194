{#-
  CH/045: children whose period of care ended in the year with a return home (E4, E43, E44) under
  legal status V2, C1 or C2, one item per child and year (the latest return; item_id the person_id).
-#}
with

candidates as (
    select * from {{ ref('int_lac_periods__returned_home') }}
)

select
    collection_year,
    'CH/045' as measure_code,
    '' as part,
    'child' as item_type,
    person_id as item_id,
    person_id,
    period_end_date as event_date,
    source_reference
from candidates
where is_latest_return
