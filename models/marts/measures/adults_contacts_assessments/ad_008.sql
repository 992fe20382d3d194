{#-
  AD/008: AD/004 assessments requested by the adult or family where a previous assessment had been
  completed in the 12 months before this one started (repeat assessments).
-#}
with

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
)

select
    collection_year,
    'AD/008' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from assessments
where ad_008_exclusion_reason is null
