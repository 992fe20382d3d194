with

conferences as (
    select * from {{ ref('stg_wccis__cp_conferences') }}
)

select
    conferences.conference_id,
    conferences.conference_group_id,
    conferences.person_id,
    conferences.section_47_enquiry_id,
    conference_type.national_code as conference_type_code,
    conferences.convened_date,
    conferences.conference_date,
    decision.national_code as decision_code,
    category.national_code as category_code,
    coalesce(conferences.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('conferences.source_file', 'conferences.source_row') }} as source_reference
from conferences
{{ decode_join('cp_conference_type', 'conferences.conference_type_code', 'conference_type') }}
{{ decode_join('cp_conference_decision', 'conferences.decision_code', 'decision') }}
{{ decode_join('cp_category', 'conferences.category_code', 'category') }}
