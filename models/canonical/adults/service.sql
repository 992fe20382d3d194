with

services as (
    select * from {{ ref('stg_wccis__services') }}
)

select
    services.service_id,
    services.person_id,
    services.plan_id,
    service_type.national_code as service_type_code,
    services.needs_identified_date,
    services.scheduled_start_date,
    services.start_date,
    services.end_date,
    end_reason.national_code as end_reason_code,
    coalesce(services.change_to_existing_service, false) as is_change_to_existing_service,
    services.replaces_service_id,
    coalesce(services.bridging_service, false) as is_bridging_service,
    coalesce(services.bridging_service, false)
    and coalesce(services.bridging_like_for_like, false) as is_bridging_like_for_like,
    services.first_payment_date,
    charge_basis.national_code as charge_basis_code,
    cast(services.weekly_hours as numeric(18, 2)) as weekly_hours,
    coalesce(services.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('services.source_file', 'services.source_row') }} as source_reference
from services
{{ decode_join('care_service_type', 'services.service_type_code', 'service_type') }}
{{ decode_join('service_end_reason', 'services.end_reason_code', 'end_reason') }}
{{ decode_join('charge_basis', 'services.charge_basis_code', 'charge_basis') }}
