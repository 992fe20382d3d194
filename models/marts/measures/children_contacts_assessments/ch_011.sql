{#-
  CH/011: CH/006 assessments where physical punishment by a parent or carer was (a) a factor -
  one of several or the only one, so every part b assessment is also in part a; (b) the only factor.
-#}
with

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
    where is_in_ch_006
),

parts as (
    select
        assessments.*,
        'a' as part
    from assessments
    where assessments.is_physical_punishment_factor
    union all
    select
        assessments.*,
        'b' as part
    from assessments
    where assessments.is_physical_punishment_only_factor
)

select
    collection_year,
    'CH/011' as measure_code,
    part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from parts
