{#- AD/017: AD/016 adults with at least one authorised review of a care and support plan during the year. -#}
with

plans as (
    select * from {{ ref('int_adult_reviews__classified') }}
)

select
    collection_year,
    'AD/017' as measure_code,
    '' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_due_date_in_year as event_date,
    source_reference
from plans
where
    is_person_first_row
    and ad_017_exclusion_reason is null
