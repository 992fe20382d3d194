{#- CH/018 a-e: reviews of children’s plans completed in the year within statutory timescales, by type of review. -#}
with

reviews as (
    select * from {{ ref('int_child_reviews__classified') }}
)

select
    collection_year,
    'CH/018' as measure_code,
    part,
    item_type,
    review_id as item_id,
    person_id,
    review_date as event_date,
    source_reference
from reviews
where is_in_ch_018
