{#
  Periods on the child protection register, one row per registration (cp_registrations), for every
  measure that asks who was on the register, when (CH/024, CH/026, CH/029-CH/030, CH/035-CH/036).

  start_date is the day the child is counted as on the register: the registration date, or for a
  pre-birth registration (registered before the child was born) the date of birth; null while the
  child is still unborn, so an unborn child is never "on the register" (CH/024, CH/026). end_date is
  the de-registration date (null while registered); a pre-birth registration ended before the
  birth has no start_date. A period is open on its first and last day
  (is_open_on). Registrations recorded in error, or of a person recorded in error, are not periods.
  Temporary registrations of children from other authorities are kept, flagged is_temporary, for the
  measures to exclude.
#}
with

registrations as (
    select * from {{ ref('cp_registration') }}
),

people as (
    select * from {{ ref('person') }}
)

select
    registrations.registration_id,
    registrations.person_id,
    registrations.registration_conference_id,
    registrations.registration_date,
    registrations.category_code,
    registrations.is_temporary,
    {{ is_unborn_on('people', 'registrations.registration_date') }} as is_pre_birth,
    case
        when not {{ is_unborn_on('people', 'registrations.registration_date') }}
            then registrations.registration_date
        when
            people.date_of_birth is not null
            and (
                registrations.deregistration_date is null
                or people.date_of_birth <= registrations.deregistration_date
            )
            then people.date_of_birth
    end as start_date,
    registrations.deregistration_date as end_date,
    registrations.deregistration_conference_id,
    registrations.deregistration_reason_code,
    people.date_of_birth,
    registrations.source_reference
from registrations
inner join people
    on registrations.person_id = people.person_id
where
    not registrations.is_recorded_in_error
    and not people.is_recorded_in_error
