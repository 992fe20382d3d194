{#
  Every advocacy need record identified in a configured collection year for a person not known to be
  under 18 on the date identified, with the AD/032 and AD/033 decisions and, where not counted, why.

  Interpretations (docs/interpretations.md):
  - AD/032 counts instances (every record where an independent professional advocate was deemed
    necessary), as the definition and include 1 say, although the name says "adults".
  - "Deemed necessary" is the practitioner’s recorded decision (independent_advocate_required), not
    the absence of an "appropriate individual available" flag (an empty flag means not recorded). A
    record where the decision is yes but an appropriate individual is recorded as available is not
    counted (exclude 2) and listed for correction.
  - AD/033: the AD/032 instances whose outcome is "independent professional advocate provided",
    whenever the advocacy started (include 2: it may start after 31 March). Refused, help from an
    appropriate individual taken up, not provided, awaiting and no outcome are not counted.
#}
with

advocacy_needs as (
    select * from {{ ref('advocacy_need') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

in_years as (
    select
        advocacy_needs.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'advocacy_needs.identified_date') }} as age_at_identification
    from advocacy_needs
    inner join collection_years
        on advocacy_needs.identified_date between collection_years.start_date and collection_years.end_date
    inner join people
        on advocacy_needs.person_id = people.person_id
),

classified as (
    select
        in_years.*,
        case
            when in_years.is_recorded_in_error then 'advocacy need recorded in error'
            when in_years.is_person_recorded_in_error then 'person record created in error'
            when in_years.date_of_birth is null and in_years.expected_date_of_birth is null
                then 'no date of birth: cannot tell the person is an adult'
            when in_years.is_independent_advocate_required and in_years.is_appropriate_individual_available
                then
                    'independent advocate recorded as required but an appropriate individual is recorded as'
                    || ' available: check the record'
            when in_years.is_independent_advocate_required then null
            when in_years.is_appropriate_individual_available
                then 'an appropriate individual is available to help: no independent professional advocate needed'
            when not in_years.has_barrier_to_participation
                then 'no barrier to participation: no independent professional advocate needed'
            else 'practitioner did not record that an independent professional advocate is required'
        end as ad_032_exclusion_reason
    from in_years
    where
        in_years.age_at_identification >= 18
        or (in_years.date_of_birth is null and in_years.expected_date_of_birth is null)
)

select
    advocacy_need_id,
    person_id,
    collection_year,
    identified_date,
    age_at_identification,
    process_code,
    has_barrier_to_participation,
    is_appropriate_individual_available,
    is_independent_advocate_required,
    outcome_code,
    outcome_date,
    advocacy_start_date,
    source_reference,
    ad_032_exclusion_reason,
    ad_032_exclusion_reason is null as is_in_ad_032,
    case
        when ad_032_exclusion_reason is not null then 'not in AD/032'
        when outcome_code = 'provided' then null
        when outcome_code = 'refused' then 'the adult refused an independent professional advocate'
        when outcome_code = 'appropriate_individual' then 'help from an appropriate individual was taken up instead'
        when outcome_code = 'not_provided' then 'independent professional advocate not provided'
        when outcome_code = 'awaiting' then 'awaiting allocation of an independent professional advocate'
        else 'no outcome recorded'
    end as ad_033_exclusion_reason
from classified
