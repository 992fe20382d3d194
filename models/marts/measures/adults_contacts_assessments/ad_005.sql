{#-
  AD/005 a-c: AD/004 assessments by concluded outcome: (a) needs only met with a care and support
  plan, (b) met by any other means, (c) no eligible needs (seeds/measure_part_map.csv; the eight
  National Assessment and Eligibility Tool results are mapped in seeds/code_map.csv).
-#}
with

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
),

outcome_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'AD/005'
)

select
    assessments.collection_year,
    'AD/005' as measure_code,
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
where assessments.is_in_ad_004
