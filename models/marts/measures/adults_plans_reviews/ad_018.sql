{#- AD/018: AD/016 adults with a direct payment in place on a review due date in the year. -#}
with

plans as (
    select * from {{ ref('int_adult_reviews__classified') }}
)

select
    collection_year,
    'AD/018' as measure_code,
    '' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_direct_payment_due_date_in_year as event_date,
    source_reference
from plans
where
    is_person_first_row
    and ad_018_exclusion_reason is null
