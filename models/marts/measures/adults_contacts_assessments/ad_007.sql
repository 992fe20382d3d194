{#- AD/007: AD/004 assessments undertaken in the secure estate (flagged on any stage of the process). -#}
with

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
)

select
    collection_year,
    'AD/007' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from assessments
where is_in_ad_004 and is_in_secure_estate
