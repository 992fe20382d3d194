{#-
  CH/050: CH/049 young people whose pathway plan was signed off within 3 months of the category
  date.
-#}
with

plans_due as (
    select * from {{ ref('int_care_leavers__pathway_plans_due') }}
)

select
    collection_year,
    'CH/050' as measure_code,
    '' as part,
    'initial_pathway_plan_due' as item_type,
    care_leaver_status_id as item_id,
    person_id,
    became_date as event_date,
    source_reference
from plans_due
where is_in_ch_050
