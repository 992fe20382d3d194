{#-
  AD/014 a-b: days waited from the scheduled to the actual start of new services started in the
  year (item_value = days).
-#}
with

services as (
    select * from {{ ref('int_adult_services__starts') }}
)

select
    collection_year,
    'AD/014' as measure_code,
    ad_014_part as part,
    'service' as item_type,
    service_id as item_id,
    person_id,
    start_date as event_date,
    source_reference,
    days_waited as item_value
from services
where ad_014_exclusion_reason is null
