{#- CH/006: new assessments of children completed (authorised) during the year. -#}
with

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
)

select
    collection_year,
    'CH/006' as measure_code,
    '' as part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from assessments
where is_in_ch_006
