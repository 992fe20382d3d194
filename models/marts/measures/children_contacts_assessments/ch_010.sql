{#-
  CH/010: CH/006 assessments undertaken in the secure estate. Assessments of unborn children
  (whose mother is in the secure estate) are excluded.
-#}
with

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
)

select
    collection_year,
    'CH/010' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from assessments
where is_in_ch_006 and is_in_secure_estate and not is_unborn_at_completion
