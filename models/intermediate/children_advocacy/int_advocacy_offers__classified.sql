{#
  CH/056-CH/057: every advocacy offer (advocacy_offer) in the collection year of its offer date, with
  the decisions and, where an offer is not counted, why.

  Decisions (docs/interpretations.md):
  - Every Active Offer counts, a child with several offers counts several times (include 3).
  - The offer must be the Active Offer of Independent Professional Advocacy (is_active_offer, the
    provider’s Appendix B flag; exclude 1). The trigger (became looked after, initial child
    protection conference, other) is recorded but does not decide.
  - Aged var advocacy_minimum_age_at_year_start (5) or over on 1 April of the collection year
    (exclude 2: a child turning 5 during the year is not counted that year), and a child (under 18)
    on the offer date.
  - CH/057: a CH/056 offer where an Independent Professional Advocate was provided (the flag, or a
    provision date), whenever provided, also after 31 March (include 3); an offer outside CH/056 is
    never counted (exclude 2).
  - Recorded in error: the offer or the person.
#}
with

offers as (
    select * from {{ ref('advocacy_offer') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

in_years as (
    select
        offers.advocacy_offer_id,
        offers.person_id,
        offers.offer_date,
        offers.trigger_code,
        offers.is_active_offer,
        offers.is_advocate_provided or offers.advocate_provided_date is not null as is_advocate_provided,
        offers.advocate_provided_date,
        offers.is_recorded_in_error,
        coalesce(people.is_recorded_in_error, false) as is_person_recorded_in_error,
        people.date_of_birth,
        {{ age_at('people.date_of_birth', 'collection_years.start_date') }} as age_at_year_start,
        {{ age_at('people.date_of_birth', 'offers.offer_date') }} as age_at_offer,
        collection_years.collection_year,
        offers.source_reference
    from offers
    inner join collection_years
        on offers.offer_date between collection_years.start_date and collection_years.end_date
    left join people
        on offers.person_id = people.person_id
),

classified as (
    select
        *,
        case
            when is_recorded_in_error then 'advocacy offer recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when not is_active_offer
                then 'not an Active Offer of Independent Professional Advocacy (other advocacy or information)'
            when date_of_birth is null then 'no date of birth: cannot tell the age on 1 April'
            when age_at_year_start < {{ var('advocacy_minimum_age_at_year_start') }}
                then 'under {{ var("advocacy_minimum_age_at_year_start") }} on 1 April of the collection year'
            when age_at_offer >= 18 then 'aged 18 or over on the offer date: not a child'
        end as ch_056_exclusion_reason
    from in_years
)

select
    advocacy_offer_id,
    person_id,
    collection_year,
    offer_date,
    trigger_code,
    is_active_offer,
    is_advocate_provided,
    advocate_provided_date,
    age_at_year_start,
    age_at_offer,
    source_reference,
    ch_056_exclusion_reason,
    ch_056_exclusion_reason is null as is_in_ch_056,
    case
        when ch_056_exclusion_reason is null and not is_advocate_provided
            then 'no Independent Professional Advocate provided (by the extract date)'
    end as ch_057_exclusion_reason,
    ch_056_exclusion_reason is null and is_advocate_provided as is_in_ch_057
from classified
