{#
  CA/006: every offer of a carer’s needs assessment made in the configured collection years to a
  person who is an adult carer on the date of the offer (macro carer_group), with the decision and,
  where the offer is not counted as a refusal, why. Offers to young carers are not measured (a 16 or
  17 year old’s refusal only means there is no assessment to count in CA/014).

  Interpretations (docs/interpretations.md):
  - Unit: refused offers (include 1 "count all contacts ... where an offer of assessment was made but
    the carer refused"); both routes count - an offer at the carer’s contact to IAA and a proactive
    offer by the local authority (definition paragraph 2).
  - The offer’s date places it in the year.
  - Exclude 2: a carer who already had a support plan meeting needs as a carer on the date of the
    offer (int_carer_plans__support_lifetimes) refused a re-assessment.
  - Exclude 1 and 3: a carer’s assessment of the person that started on or after the offer and on or
    before 31 March of the year (they changed their mind and were assessed, Part 3 Code para. 115), or
    an offer made at a contact where the five elements were considered and a what matters
    conversation held (an assessment took place), is not a refusal.
#}
with

offers as (
    select * from {{ ref('carer_assessment_offer') }}
),

contacts as (
    select * from {{ ref('contact') }}
),

people as (
    select * from {{ ref('person') }}
),

support_plans as (
    select * from {{ ref('int_carer_plans__support_lifetimes') }}
),

assessments as (
    select * from {{ ref('int_assessments__processes') }}
    where
        not is_recorded_in_error
        and assessment_type_code in ({{ quoted_list(var('carer_assessment_types')) }})
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

candidates as (
    select
        offers.*,
        collection_years.collection_year,
        collection_years.end_date as year_end_date,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'offers.offered_date') }} as age_at_offer,
        coalesce(contacts.is_five_elements_considered and contacts.is_what_matters_conversation_held, false)
            as is_assessed_at_contact
    from offers
    inner join collection_years
        on offers.offered_date between collection_years.start_date and collection_years.end_date
    inner join people
        on offers.person_id = people.person_id
    left join contacts
        on offers.contact_id = contacts.contact_id
),

adult_candidates as (
    select * from candidates
    where age_at_offer is null or age_at_offer >= 18
),

open_support_at_offer as (
    {{ open_plan_on('adult_candidates', 'support_plans', 'offer_id', 'offered_date', 'open_support_plan_id') }}
),

assessed_after_offer as (
    select
        adult_candidates.offer_id,
        min(assessments.assessment_id) as later_assessment_id
    from adult_candidates
    inner join assessments
        on
            adult_candidates.person_id = assessments.person_id
            and assessments.start_date between adult_candidates.offered_date and adult_candidates.year_end_date
    group by adult_candidates.offer_id
)

select
    adult_candidates.offer_id,
    adult_candidates.person_id,
    adult_candidates.contact_id,
    adult_candidates.collection_year,
    adult_candidates.offered_date,
    adult_candidates.offer_route_code,
    adult_candidates.outcome_code,
    adult_candidates.age_at_offer,
    open_support_at_offer.open_support_plan_id,
    assessed_after_offer.later_assessment_id,
    adult_candidates.source_reference,
    case
        when adult_candidates.is_recorded_in_error then 'offer recorded in error'
        when adult_candidates.is_person_recorded_in_error then 'person record created in error'
        when adult_candidates.age_at_offer is null
            then 'no date of birth (or born after the offer): cannot tell an adult from a young carer'
        when adult_candidates.outcome_code is null then 'no answer to the offer recorded'
        when adult_candidates.outcome_code <> 'refused'
            then 'offer not refused (' || adult_candidates.outcome_code || ')'
        when open_support_at_offer.open_support_plan_id is not null
            then 'refused a re-assessment: already had a support plan as a carer (see open_support_plan_id)'
        when assessed_after_offer.later_assessment_id is not null
            then 'assessed after all: a carer''s assessment started after the offer (see later_assessment_id)'
        when adult_candidates.is_assessed_at_contact
            then 'five elements considered and a what matters conversation held at the contact: assessed'
    end as ca_006_exclusion_reason
from adult_candidates
left join open_support_at_offer
    on adult_candidates.offer_id = open_support_at_offer.offer_id
left join assessed_after_offer
    on adult_candidates.offer_id = assessed_after_offer.offer_id
