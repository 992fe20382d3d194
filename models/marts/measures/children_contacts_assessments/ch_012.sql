{#- CH/012: CH/006 assessments completed within 42 working days of their start (day zero). -#}
with

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
)

select
    collection_year,
    'CH/012' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from assessments
where ch_012_exclusion_reason is null
