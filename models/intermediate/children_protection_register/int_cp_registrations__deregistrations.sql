{#
  CH/035-CH/036: every registration ended (de-registration date) in a configured collection year,
  with its days on the register and the decision for CH/035 and CH/036 and, where not counted, why.

  - Days on the register = de-registration date minus the day the child was placed on this
    registration (day zero; the de-registration day counts), calendar days. A pre-birth registration
    counts from the birth; one ended before the birth never put the child on the register.
  - The de-registration date is the date of the conference that ended the registration, as the
    extract records it (cp_registration.deregistration_date); a registration ended at 18, on death or
    on leaving the UK needs no conference. A de-registration whose conference is recorded in error is
    not counted (the catalogue: "do not include child protection conferences recorded in error").
  - A child is a child when placed on the register (under 18 at the start), so de-registration on the
    18th birthday counts, as CH/036 asks.
  - CH/036 counts each child once a year (the first de-registration) unless var
    ch_036_count_each_deregistration is true; CH/035 sums every de-registration.
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
        collection_years.collection_year,
        {{ dbt.datediff('registrations.start_date', 'registrations.end_date', 'day') }} as days_on_register  -- noqa: LT05
    from registrations
    inner join collection_years
        on registrations.end_date between collection_years.start_date and collection_years.end_date
),

classified as (
    select
        placed.*,
        case
            when placed.is_recorded_in_error then 'registration recorded in error'
            when placed.is_person_recorded_in_error then 'person record created in error'
            when placed.is_temporary then 'temporary registration of a child from another local authority'
            when placed.is_deregistration_conference_recorded_in_error
                then 'the conference that de-registered the child is recorded in error'
            when placed.date_of_birth is null and placed.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when placed.start_date is null
                then 'pre-birth registration ended before the birth: the child was never on the register'
            when placed.age_at_start >= 18 then 'aged 18 or over when placed on the register: not a child'
        end as ch_035_exclusion_reason
    from placed
),

ranked as (
    select
        classified.*,
        case
            when ch_035_exclusion_reason is null
                then row_number() over (
                    partition by person_id, collection_year, ch_035_exclusion_reason is null
                    order by end_date, registration_id
                )
        end as deregistration_order
    from classified
),

children as (
    select
        person_id,
        collection_year,
        min(case when deregistration_order = 1 then registration_id end) as first_registration_id
    from ranked
    group by person_id, collection_year
)

select
    ranked.registration_id,
    ranked.person_id,
    ranked.collection_year,
    ranked.registration_date,
    ranked.start_date,
    ranked.end_date,
    ranked.is_pre_birth,
    ranked.is_temporary,
    ranked.deregistration_conference_id,
    ranked.deregistration_reason_code,
    ranked.age_at_start,
    ranked.days_on_register,
    ranked.source_reference,
    ranked.ch_035_exclusion_reason,
    case
        when ranked.ch_035_exclusion_reason is not null then ranked.ch_035_exclusion_reason
        {%- if not var('ch_036_count_each_deregistration') %}
            when ranked.registration_id <> children.first_registration_id
                then 'child already counted this year (registration ' || children.first_registration_id || ')'
        {%- endif %}
    end as ch_036_exclusion_reason
from ranked
inner join children
    on
        ranked.person_id = children.person_id
        and ranked.collection_year = children.collection_year
