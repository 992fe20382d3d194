with

investigations as (
    select * from {{ ref('stg_wccis__adult_safeguarding_investigations') }}
)

select
    investigations.investigation_id,
    investigations.person_id,
    investigations.report_id,
    investigations.enquiry_id,
    investigation_type.national_code as investigation_type_code,
    investigations.start_date,
    investigations.concluded_date,
    coalesce(investigations.stopped_for_criminal_matter, false) as is_stopped_for_criminal_matter,
    coalesce(investigations.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('investigations.source_file', 'investigations.source_row') }} as source_reference
from investigations
{{ decode_join('adult_investigation_type', 'investigations.investigation_type_code', 'investigation_type') }}
