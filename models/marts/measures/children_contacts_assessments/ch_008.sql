{#-
  CH/008: (a) CH/006 assessments of children born when the assessment concluded;
  (b) of those, where there is evidence the child was seen.
-#}
with

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
    where is_in_ch_006 and not is_unborn_at_completion
),

parts as (
    select
        assessments.*,
        'a' as part
    from assessments
    union all
    select
        assessments.*,
        'b' as part
    from assessments
    where is_person_seen
)

select
    collection_year,
    'CH/008' as measure_code,
    part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from parts
