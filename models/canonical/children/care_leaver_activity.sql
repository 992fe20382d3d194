with

activities as (
    select * from {{ ref('stg_wccis__care_leaver_activities') }}
)

select
    activities.activity_id,
    activities.person_id,
    activity_type.national_code as activity_type_code,
    activity.national_code as activity_code,
    activities.start_date,
    activities.end_date,
    activities.reported_date,
    coalesce(activities.is_unregulated_accommodation, false) as is_unregulated_accommodation,
    coalesce(activities.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('activities.source_file', 'activities.source_row') }} as source_reference
from activities
{{ decode_join('care_leaver_activity_type', 'activities.activity_type_code', 'activity_type') }}
{{ decode_join('care_leaver_activity', 'activities.activity_code', 'activity') }}
