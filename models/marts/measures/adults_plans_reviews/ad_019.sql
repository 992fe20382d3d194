{#- AD/019: adults in both AD/017 and AD/018 - supported by direct payments, due a review and reviewed in the year. -#}
with

plans as (
    select * from {{ ref('int_adult_reviews__classified') }}
)

select
    collection_year,
    'AD/019' as measure_code,
    '' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_direct_payment_due_date_in_year as event_date,
    source_reference
from plans
where
    is_person_first_row
    and ad_019_exclusion_reason is null
