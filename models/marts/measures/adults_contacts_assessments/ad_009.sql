{#-
  AD/009 a-c: AD/008 repeat assessments by concluded outcome, mapped as AD/005.
-#}
with

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
),

outcome_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'AD/009'
)

select
    assessments.collection_year,
    'AD/009' as measure_code,
    outcome_parts.part,
    'assessment' as item_type,
    assessments.assessment_id as item_id,
    assessments.person_id,
    assessments.completed_date as event_date,
    assessments.source_reference
from assessments
inner join outcome_parts
    on
        outcome_parts.code_list = 'assessment_outcome'
        and assessments.outcome_code = outcome_parts.national_code
where assessments.ad_008_exclusion_reason is null
