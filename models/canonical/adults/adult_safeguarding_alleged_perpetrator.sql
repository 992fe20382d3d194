with

alleged_perpetrators as (
    select * from {{ ref('stg_wccis__adult_safeguarding_alleged_perpetrators') }}
)

select
    alleged_perpetrators.alleged_perpetrator_id,
    alleged_perpetrators.enquiry_id,
    relationship.national_code as relationship_code,
    alleged_perpetrators.perpetrator_person_id,
    coalesce(alleged_perpetrators.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('alleged_perpetrators.source_file', 'alleged_perpetrators.source_row') }} as source_reference
from alleged_perpetrators
{{ decode_join('adult_perpetrator_relationship', 'alleged_perpetrators.relationship_code', 'relationship') }}
