{#
  CH/024: every registration placed in a configured collection year by the day the child was added
  to the register - the registration date, or the birth for a pre-birth registration (a pre-birth
  registration of a child still unborn, or de-registered before birth, is placed by its registration
  date so it can be listed) - with the decision for CH/024a and CH/024b and, where not counted, why.

  A child is counted once a year (the first registration counted, by date added); later
  registrations of the same child that year are listed with the reason that the child is already
  counted. CH/024b counts the child when any registration counted in CH/024a that year has a
  previous registration within var cp_reregistration_lookback_months (12) months
  (int_cp_registrations__history).
#}
with

registrations as (
    select * from {{ ref('int_cp_registrations__history') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

placed as (
    select
        registrations.*,
        coalesce(registrations.start_date, registrations.registration_date) as added_date,
        collection_years.collection_year
    from registrations
    inner join collection_years
        on
            coalesce(registrations.start_date, registrations.registration_date)
            between collection_years.start_date and collection_years.end_date
),

classified as (
    select
        placed.*,
        case
            when placed.is_recorded_in_error then 'registration recorded in error'
            when placed.is_person_recorded_in_error then 'person record created in error'
            when placed.is_temporary then 'temporary registration of a child from another local authority'
            when placed.registration_conference_type_code = 'transfer_in'
                then
                    'registered at a transfer-in conference: the child was already registered by another '
                    || 'local authority'
            when placed.date_of_birth is null and placed.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when placed.start_date is null and placed.end_date is not null
                then 'pre-birth registration ended before the birth: the child was never on the register'
            when placed.start_date is null
                then 'unborn: a pre-birth registration counts when the child is born'
            when placed.age_at_start >= 18 then 'aged 18 or over when added to the register: not a child'
        end as registration_exclusion_reason
    from placed
),

ranked as (
    select
        classified.*,
        case
            when registration_exclusion_reason is null
                then row_number() over (
                    partition by person_id, collection_year, registration_exclusion_reason is null
                    order by added_date, registration_id
                )
        end as counted_order,
        case
            when registration_exclusion_reason is null and previous_registration_id is not null
                then row_number() over (
                    partition by
                        person_id,
                        collection_year,
                        registration_exclusion_reason is null and previous_registration_id is not null
                    order by added_date, registration_id
                )
        end as reregistration_order
    from classified
),

children as (
    select
        person_id,
        collection_year,
        min(case when counted_order = 1 then registration_id end) as ch_024a_registration_id,
        min(case when reregistration_order = 1 then registration_id end) as ch_024b_registration_id
    from ranked
    group by person_id, collection_year
)

select
    ranked.registration_id,
    ranked.person_id,
    ranked.collection_year,
    ranked.added_date,
    ranked.registration_date,
    ranked.start_date,
    ranked.end_date,
    ranked.is_pre_birth,
    ranked.is_temporary,
    ranked.registration_conference_id,
    ranked.registration_conference_type_code,
    ranked.age_at_start,
    ranked.previous_registration_id,
    ranked.previous_end_date,
    ranked.source_reference,
    case
        when ranked.registration_exclusion_reason is not null then ranked.registration_exclusion_reason
        when ranked.registration_id <> children.ch_024a_registration_id
            then 'child already counted this year (registration ' || children.ch_024a_registration_id || ')'
    end as ch_024a_exclusion_reason,
    case
        when ranked.registration_exclusion_reason is not null then 'not in CH/024a'
        when ranked.previous_registration_id is null and children.ch_024b_registration_id is null
            then
                'not on the register in the {{ var("cp_reregistration_lookback_months") }} months '
                || 'before this registration'
        when ranked.registration_id <> children.ch_024b_registration_id
            then 'child already counted this year (registration ' || children.ch_024b_registration_id || ')'
    end as ch_024b_exclusion_reason
from ranked
inner join children
    on
        ranked.person_id = children.person_id
        and ranked.collection_year = children.collection_year
