{#
  Every registration on the child protection register (cp_registration), including those recorded
  in error (flagged, so the measures can list them with a reason), with the period the child counts
  as on the register (int_cp_registrations__periods: from the registration date, or the birth for a
  pre-birth registration), the conferences that started and ended it, and the child’s previous
  period on the register (CH/024b).

  Previous registration (CH/024b): the latest other period of the same child on the register that
  started before this one and was still open at any time in the var cp_reregistration_lookback_months
  (12) calendar months before this one started (exactly 12 months before counts; a period still open
  counts), under any category. Temporary registrations of children from another authority are not
  previous registrations: a temporary registration followed by a permanent one is one stay on the
  register, not a re-registration.
#}
with

registrations as (
    select * from {{ ref('cp_registration') }}
),

periods as (
    select * from {{ ref('int_cp_registrations__periods') }}
),

people as (
    select * from {{ ref('person') }}
),

conferences as (
    select * from {{ ref('cp_conference') }}
),

earlier_periods as (
    select
        later.registration_id,
        earlier.registration_id as previous_registration_id,
        earlier.start_date as previous_start_date,
        earlier.end_date as previous_end_date,
        row_number() over (
            partition by later.registration_id
            order by
                coalesce(earlier.end_date, later.start_date) desc,
                earlier.start_date desc,
                earlier.registration_id asc
        ) as recency
    from periods as later
    inner join periods as earlier
        on
            later.person_id = earlier.person_id
            and later.registration_id <> earlier.registration_id
            and later.start_date > earlier.start_date
            and coalesce(earlier.end_date, later.start_date)
            >= {{ add_months('later.start_date', -1 * var('cp_reregistration_lookback_months')) }}
    where
        not earlier.is_temporary
        and later.start_date is not null
)

select
    registrations.registration_id,
    registrations.person_id,
    registrations.registration_conference_id,
    registration_conference.conference_type_code as registration_conference_type_code,
    registrations.registration_date,
    registrations.category_code,
    registrations.is_temporary,
    {{ is_unborn_on('people', 'registrations.registration_date') }} as is_pre_birth,
    periods.start_date,
    registrations.deregistration_date as end_date,
    registrations.deregistration_conference_id,
    coalesce(deregistration_conference.is_recorded_in_error, false) as is_deregistration_conference_recorded_in_error,
    registrations.deregistration_reason_code,
    people.date_of_birth,
    people.expected_date_of_birth,
    {{ age_on('people', 'periods.start_date') }} as age_at_start,
    registrations.is_recorded_in_error,
    people.is_recorded_in_error as is_person_recorded_in_error,
    earlier_periods.previous_registration_id,
    earlier_periods.previous_end_date,
    registrations.source_reference
from registrations
inner join people
    on registrations.person_id = people.person_id
left join periods
    on registrations.registration_id = periods.registration_id
left join conferences as registration_conference
    on registrations.registration_conference_id = registration_conference.conference_id
left join conferences as deregistration_conference
    on registrations.deregistration_conference_id = deregistration_conference.conference_id
left join earlier_periods
    on
        registrations.registration_id = earlier_periods.registration_id
        and earlier_periods.recency = 1
