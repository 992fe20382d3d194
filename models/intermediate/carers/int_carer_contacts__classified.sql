{#
  Every carer’s contact (a contact asking for support as a carer: is_carer_support_request) received
  in the configured collection years, with the carer group on the date received (macro carer_group:
  adult 18 or over -> CA/001-CA/003, young under 18 -> CA/011-CA/013) and the decision for each
  carers’ contact measure and, where a contact is not counted, why.

  The carers’ contacts are the ones the children’s and adults’ contact measures leave out
  (int_child_contacts__classified, int_adult_contacts__classified: "seeking support with caring
  needs only"), so a contact is counted in exactly one of CH/001, AD/001a, CA/001 and CA/011.

  Interpretations (docs/interpretations.md):
  - A contact for support as a carer is one flagged is_carer_support_request. A carer who contacts
    about their own care and support needs is an adults’ or children’s contact (CA/001 exclude 2).
  - "In receipt of support as a carer at the time of the contact" (exclude 1): a support plan
    meeting needs as a carer open on the date received (int_carer_plans__support_lifetimes).
  - CA/002, CA/012: as CH/002 and AD/002 (macro advice_or_assistance_exclusion_reason).
  - CA/003, CA/013: every counted contact by its source (seeds/measure_part_map.csv).
#}
with

contacts as (
    select * from {{ ref('contact') }}
),

people as (
    select * from {{ ref('person') }}
),

support_plans as (
    select * from {{ ref('int_carer_plans__support_lifetimes') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

candidates as (
    select
        contacts.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'contacts.received_date') }} as age_at_contact
    from contacts
    inner join collection_years
        on contacts.received_date between collection_years.start_date and collection_years.end_date
    inner join people
        on contacts.person_id = people.person_id
    where contacts.is_carer_support_request
),

open_support_at_contact as (
    {{ open_plan_on('candidates', 'support_plans', 'contact_id', 'received_date', 'open_support_plan_id') }}
),

classified as (
    select
        candidates.*,
        {{ carer_group('candidates.age_at_contact') }} as carer_group,
        open_support_at_contact.open_support_plan_id,
        case
            when candidates.is_recorded_in_error then 'contact recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.age_at_contact is null
                then 'no date of birth (or born after the contact): cannot tell an adult from a young carer'
            when candidates.contact_type_code <> 'iaa_contact'
                then 'not a contact to the IAA service (' || candidates.contact_type_code || ')'
            when open_support_at_contact.open_support_plan_id is not null
                then 'already receiving support as a carer at the time of the contact (see open_support_plan_id)'
        end as carer_contact_exclusion_reason
    from candidates
    left join open_support_at_contact
        on candidates.contact_id = open_support_at_contact.contact_id
)

select
    contact_id,
    contact_group_id,
    person_id,
    collection_year,
    received_date,
    age_at_contact,
    carer_group,
    contact_type_code,
    contact_source_code,
    outcome_code,
    is_what_matters_conversation_held,
    is_five_elements_considered,
    open_support_plan_id,
    source_reference,
    carer_contact_exclusion_reason,
    carer_contact_exclusion_reason is null as is_counted_contact,
    {{ advice_or_assistance_exclusion_reason('carer_contact_exclusion_reason', 'CA/001 or CA/011') }}
        as advice_or_assistance_exclusion_reason
from classified
