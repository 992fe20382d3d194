{#- AD/015 a-c: new services for adults started in the year (care home, domiciliary care, respite care). -#}
with

services as (
    select * from {{ ref('int_adult_services__starts') }}
)

select
    collection_year,
    'AD/015' as measure_code,
    ad_015_part as part,
    'service' as item_type,
    service_id as item_id,
    person_id,
    start_date as event_date,
    source_reference
from services
where ad_015_exclusion_reason is null
