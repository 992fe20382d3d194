{#-
  CH/035: total days on the child protection register of the registrations ended during the year
  (every de-registration, temporary registrations excluded): de-registration date minus the day the
  child was placed on the register (day zero). item_value = the days.
-#}
with

deregistrations as (
    select * from {{ ref('int_cp_registrations__deregistrations') }}
)

select
    collection_year,
    'CH/035' as measure_code,
    '' as part,
    'registration' as item_type,
    registration_id as item_id,
    person_id,
    end_date as event_date,
    source_reference,
    days_on_register as item_value
from deregistrations
where ch_035_exclusion_reason is null
