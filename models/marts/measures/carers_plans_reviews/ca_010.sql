{#- CA/010: CA/009 support plans with at least one authorised support-plan review held in the collection year. -#}
with

due as (
    select * from {{ ref('int_carer_reviews__due') }}
)

select
    collection_year,
    'CA/010' as measure_code,
    '' as part,
    'plan' as item_type,
    plan_id as item_id,
    person_id,
    due_date as event_date,
    source_reference
from due
where carer_group = 'adult' and is_plan_first_due_row_of_group and ca_010_exclusion_reason is null
