with

registrations as (
    select * from {{ ref('stg_wccis__cp_registrations') }}
)

select
    registrations.registration_id,
    registrations.person_id,
    registrations.registration_conference_id,
    registrations.registration_date,
    category.national_code as category_code,
    coalesce(registrations.is_temporary, false) as is_temporary,
    registrations.deregistration_date,
    registrations.deregistration_conference_id,
    deregistration_reason.national_code as deregistration_reason_code,
    coalesce(registrations.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('registrations.source_file', 'registrations.source_row') }} as source_reference
from registrations
{{ decode_join('cp_category', 'registrations.category_code', 'category') }}
{{ decode_join('cp_deregistration_reason', 'registrations.deregistration_reason_code', 'deregistration_reason') }}
