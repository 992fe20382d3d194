{#-
  CH/049: initial pathway plans due: young people who became category 1 or 4 between 1 January
  before and 31 December within the collection year, looked after / engaged on 1 April; one item
  per young person, dated by the category date.
-#}
with

plans_due as (
    select * from {{ ref('int_care_leavers__pathway_plans_due') }}
)

select
    collection_year,
    'CH/049' as measure_code,
    '' as part,
    'initial_pathway_plan_due' as item_type,
    care_leaver_status_id as item_id,
    person_id,
    became_date as event_date,
    source_reference
from plans_due
where is_in_ch_049
