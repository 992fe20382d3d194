{#- CA/018: reviews of young carers’ support plans due in the collection year (every due date, under 18 on it). -#}
with

due as (
    select * from {{ ref('int_carer_reviews__due') }}
)

select
    collection_year,
    'CA/018' as measure_code,
    '' as part,
    'review_due' as item_type,
    due_review_id as item_id,
    person_id,
    due_date as event_date,
    source_reference
from due
where carer_group = 'young'
