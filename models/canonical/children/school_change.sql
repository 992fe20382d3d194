with

school_changes as (
    select * from {{ ref('stg_wccis__school_changes') }}
)

select
    school_changes.school_change_id,
    school_changes.person_id,
    school_changes.change_date,
    school_changes.previous_school_reference,
    school_changes.new_school_reference,
    change_reason.national_code as change_reason_code,
    coalesce(school_changes.is_out_of_county, false) as is_out_of_county,
    coalesce(school_changes.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('school_changes.source_file', 'school_changes.source_row') }} as source_reference
from school_changes
{{ decode_join('school_change_reason', 'school_changes.change_reason_code', 'change_reason') }}
