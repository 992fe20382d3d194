with

reviews as (
    select * from {{ ref('stg_wccis__reviews') }}
)

select
    reviews.review_id,
    reviews.plan_id,
    reviews.person_id,
    review_type.national_code as review_type_code,
    reviews.due_date,
    reviews.review_date,
    reviews.authorised_date,
    reviews.authorised_date is not null as is_authorised,
    trigger_reason.national_code as trigger_code,
    reviews.trigger_date,
    coalesce(reviews.is_direct_payment_review, false) as is_direct_payment_review,
    outcome.national_code as outcome_code,
    coalesce(reviews.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('reviews.source_file', 'reviews.source_row') }} as source_reference
from reviews
{{ decode_join('review_type', 'reviews.review_type_code', 'review_type') }}
{{ decode_join('review_trigger', 'reviews.trigger_code', 'trigger_reason') }}
{{ decode_join('review_outcome', 'reviews.outcome_code', 'outcome') }}
