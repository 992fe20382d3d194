{#- AD/004: new assessments of adults completed (authorised) during the year. -#}
with

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
)

select
    collection_year,
    'AD/004' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from assessments
where is_in_ad_004
