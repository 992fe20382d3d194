{#-
  CA/004: new carers’ needs assessments of adult carers (18 or over at completion) completed
  (authorised) during the year.
-#}
with

records as (
    select * from {{ ref('int_carer_assessments__classified') }}
)

select
    collection_year,
    'CA/004' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from records
where is_counted_assessment and carer_group = 'adult'
