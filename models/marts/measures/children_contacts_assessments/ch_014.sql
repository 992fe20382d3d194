{#- CH/014 a-c: CH/013 repeat assessments by concluded outcome, mapped as CH/007. -#}
with

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
),

outcome_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'CH/014'
)

select
    assessments.collection_year,
    'CH/014' as measure_code,
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
where assessments.ch_013_exclusion_reason is null
