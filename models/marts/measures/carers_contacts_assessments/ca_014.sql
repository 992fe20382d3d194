{#-
  CA/014: new carers’ needs assessments of young carers (under 18 at completion) completed
  (authorised) during the year.
-#}
with

records as (
    select * from {{ ref('int_carer_assessments__classified') }}
)

select
    collection_year,
    'CA/014' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from records
where is_counted_assessment and carer_group = 'young'
