{#- CH/017 a-e: reviews of children’s plans due in the year (one item per review due), by type of review. -#}
with

occasions as (
    select * from {{ ref('int_child_reviews__occasions') }}
)

select
    collection_year,
    'CH/017' as measure_code,
    part,
    'review_due' as item_type,
    occasion_id as item_id,
    person_id,
    due_date as event_date,
    source_reference
from occasions
where is_in_ch_017
