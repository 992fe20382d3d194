{#
  CH/026: one row per registration and configured collection year it overlaps (from the
  registration date to the de-registration date, both days included, so a pre-birth registration
  is listed from the year it was made), with the decision for CH/026a (on the register on 31 March) and CH/026b (on the
  register at any time in the year) and, where not counted, why.

  Only born children are on the register (a pre-birth registration counts from the birth); the age
  test is the catalogue’s: under 18 on 31 March of the collection year, for both parts. A child is
  counted once per part and year (the registration that started first); other registrations of the
  same child are listed with the reason that the child is already counted.
#}
with

registrations as (
    select * from {{ ref('int_cp_registrations__history') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

registration_years as (
    select
        registrations.*,
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        {{ age_on('people', 'collection_years.end_date') }} as age_on_31_march
    from registrations
    inner join people
        on registrations.person_id = people.person_id
    inner join collection_years
        on
            registrations.registration_date <= collection_years.end_date
            and (registrations.end_date is null or registrations.end_date >= collection_years.start_date)
),

classified as (
    select
        registration_years.*,
        case
            when registration_years.is_recorded_in_error then 'registration recorded in error'
            when registration_years.is_person_recorded_in_error then 'person record created in error'
            when registration_years.is_temporary then 'temporary registration of a child from another local authority'
            when registration_years.date_of_birth is null and registration_years.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when
                registration_years.start_date is null
                or registration_years.start_date > registration_years.year_end_date
                then 'unborn throughout the year: a pre-birth registration counts from the birth'
            when registration_years.age_on_31_march >= 18 then 'aged 18 or over on 31 March: not a child'
        end as ch_026b_exclusion_reason,
        (
            registration_years.start_date <= registration_years.year_end_date
            and (registration_years.end_date is null or registration_years.end_date >= registration_years.year_end_date)
        ) as is_on_register_on_31_march,
        (
            registration_years.registration_date <= registration_years.year_end_date
            and (registration_years.end_date is null or registration_years.end_date >= registration_years.year_end_date)
        ) as is_registered_on_31_march
    from registration_years
),

ranked as (
    select
        classified.*,
        case
            when ch_026b_exclusion_reason is null
                then row_number() over (
                    partition by person_id, collection_year, ch_026b_exclusion_reason is null
                    order by start_date, registration_id
                )
        end as counted_order_b,
        case
            when ch_026b_exclusion_reason is null and is_on_register_on_31_march
                then row_number() over (
                    partition by
                        person_id, collection_year, ch_026b_exclusion_reason is null and is_on_register_on_31_march
                    order by start_date, registration_id
                )
        end as counted_order_a
    from classified
),

children as (
    select
        person_id,
        collection_year,
        min(case when counted_order_a = 1 then registration_id end) as ch_026a_registration_id,
        min(case when counted_order_b = 1 then registration_id end) as ch_026b_registration_id
    from ranked
    group by person_id, collection_year
)

select
    ranked.registration_id,
    ranked.person_id,
    ranked.collection_year,
    ranked.year_start_date,
    ranked.year_end_date,
    ranked.registration_date,
    ranked.start_date,
    ranked.end_date,
    ranked.is_pre_birth,
    ranked.is_temporary,
    ranked.age_on_31_march,
    ranked.is_on_register_on_31_march,
    ranked.is_registered_on_31_march,
    ranked.source_reference,
    case
        when ranked.ch_026b_exclusion_reason is not null then ranked.ch_026b_exclusion_reason
        when ranked.registration_id <> children.ch_026b_registration_id
            then 'child already counted this year (registration ' || children.ch_026b_registration_id || ')'
    end as ch_026b_exclusion_reason,
    case
        when not ranked.is_registered_on_31_march then 'not registered on 31 March'
        when ranked.ch_026b_exclusion_reason is not null then ranked.ch_026b_exclusion_reason
        when ranked.registration_id <> children.ch_026a_registration_id
            then 'child already counted on 31 March (registration ' || children.ch_026a_registration_id || ')'
    end as ch_026a_exclusion_reason
from ranked
inner join children
    on
        ranked.person_id = children.person_id
        and ranked.collection_year = children.collection_year
