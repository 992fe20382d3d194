{#
  Every contact received in the configured collection years about a person who is an adult at the
  time (18 or over on the date received), or whose age cannot be known (neither a date of birth nor
  an expected date of birth), with the decision for each adults’ contacts measure (AD/001-AD/003)
  and, where a contact is not counted, why. Measures select the counted rows; marts/return/
  measure_exclusions lists the reasons.

  The children’s side (int_child_contacts__classified) takes the contacts of people under 18 or
  unborn on the same date, so a person turning 18 moves from CH/001 to AD/001 on the 18th birthday
  (a 29 February birthday on 1 March in other years, macro age_at). A person with no date of birth
  and no expected date of birth is a candidate on both sides, excluded on both with a reason.

  Interpretations (docs/interpretations.md):
  - AD/001a counts every contact to the IAA service, including people receiving care and support;
    AD/001b only those not receiving care and support (int_adult_plans__care_and_support_lifetimes:
    a plan open on the date received). Contacts asking only for support as a carer belong to the
    carers’ measures (CA/001) and are in neither part; any other contact from a carer with a
    carer’s support plan is new (include 8), since a carer’s support plan is not care and support.
  - Include 7 (safeguarding contacts counted "unless they were receiving care and support"):
    applied to part b only; part a counts them (var
    adult_total_contacts_include_safeguarding_of_people_receiving_care, default true).
  - AD/002: as CH/002, the outcome is one of var advice_or_assistance_contact_outcomes and a what
    matters conversation was held and the five elements considered.
#}
with

contacts as (
    select * from {{ ref('contact') }}
),

people as (
    select * from {{ ref('person') }}
),

care_and_support_plans as (
    select * from {{ ref('int_adult_plans__care_and_support_lifetimes') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

contacts_in_years as (
    select
        contacts.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ is_unborn_on('people', 'contacts.received_date') }} as is_unborn,
        {{ age_on('people', 'contacts.received_date') }} as age_at_contact
    from contacts
    inner join collection_years
        on contacts.received_date between collection_years.start_date and collection_years.end_date
    inner join people
        on contacts.person_id = people.person_id
),

adult_candidates as (
    select * from contacts_in_years
    where
        age_at_contact >= 18
        or (age_at_contact is null and not is_unborn)
),

open_plans_at_contact as (
    {{ open_plan_on('adult_candidates', 'care_and_support_plans', 'contact_id', 'received_date') }}
),

classified as (
    select
        adult_candidates.*,
        open_plans_at_contact.open_plan_id,
        case
            when adult_candidates.is_recorded_in_error then 'contact recorded in error'
            when adult_candidates.is_person_recorded_in_error then 'person record created in error'
            when adult_candidates.age_at_contact is null
                then 'no date of birth or expected date of birth: cannot tell the person is an adult'
            when adult_candidates.contact_type_code <> 'iaa_contact'
                then 'not a contact to the IAA service (' || adult_candidates.contact_type_code || ')'
            when adult_candidates.is_carer_support_request
                then 'adult carer seeking support with caring needs only (a carers'' contact, CA/001)'
            {%- if not var('adult_total_contacts_include_safeguarding_of_people_receiving_care') %}
                when adult_candidates.is_safeguarding_concern and open_plans_at_contact.open_plan_id is not null
                    then 'safeguarding concern about a person receiving care and support (see open_plan_id)'
            {%- endif %}
        end as ad_001a_exclusion_reason
    from adult_candidates
    left join open_plans_at_contact
        on adult_candidates.contact_id = open_plans_at_contact.contact_id
),

classified_new as (
    select
        classified.*,
        case
            when classified.ad_001a_exclusion_reason is not null then classified.ad_001a_exclusion_reason
            when classified.open_plan_id is not null
                then 'part b only: receiving care and support at the time of the contact (see open_plan_id)'
        end as ad_001b_exclusion_reason
    from classified
)

select
    contact_id,
    contact_group_id,
    person_id,
    collection_year,
    received_date,
    age_at_contact,
    contact_type_code,
    contact_source_code,
    is_carer_support_request,
    is_safeguarding_concern,
    outcome_code,
    is_what_matters_conversation_held,
    is_five_elements_considered,
    open_plan_id,
    source_reference,
    ad_001a_exclusion_reason,
    ad_001a_exclusion_reason is null as is_in_ad_001a,
    ad_001b_exclusion_reason,
    ad_001b_exclusion_reason is null as is_in_ad_001b,
    {{ advice_or_assistance_exclusion_reason('ad_001b_exclusion_reason', 'AD/001b') }} as ad_002_exclusion_reason
from classified_new
