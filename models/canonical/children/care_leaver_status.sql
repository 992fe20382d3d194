with

care_leavers as (
    select * from {{ ref('stg_wccis__care_leavers') }}
)

select
    care_leavers.care_leaver_status_id,
    care_leavers.person_id,
    category.national_code as category_code,
    care_leavers.start_date,
    care_leavers.end_date,
    care_leavers.personal_adviser_allocated_date,
    care_leavers.personal_adviser_end_date,
    care_leavers.pathway_review_interval_months,
    coalesce(care_leavers.is_engaged, false) as is_engaged,
    care_leavers.engagement_ended_date,
    coalesce(care_leavers.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('care_leavers.source_file', 'care_leavers.source_row') }} as source_reference
from care_leavers
{{ decode_join('care_leaver_category', 'care_leavers.category_code', 'category') }}
