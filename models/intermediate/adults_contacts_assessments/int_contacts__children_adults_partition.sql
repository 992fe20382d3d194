{#
  One row per contact received in the configured collection years, saying on which side of the
  18th birthday it is classified: the children's contacts (int_child_contacts__classified, CH/001-
  CH/005: under 18 or unborn on the date received) or the adults' (int_adult_contacts__classified,
  AD/001-AD/003: 18 or over). Its data test checks the two sides partition the contacts - no contact
  is a candidate on both sides (so none is counted in both CH/001 and AD/001a) and none on neither
  (so none that qualifies is lost) - except a person with neither a date of birth nor an expected
  date of birth, who is listed as excluded on both sides.
#}
with

contacts as (
    select * from {{ ref('contact') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

child_contacts as (
    select * from {{ ref('int_child_contacts__classified') }}
),

adult_contacts as (
    select * from {{ ref('int_adult_contacts__classified') }}
),

contacts_in_years as (
    select
        contacts.contact_id,
        contacts.person_id,
        contacts.received_date,
        collection_years.collection_year,
        people.date_of_birth is null and people.expected_date_of_birth is null as has_no_date_of_birth
    from contacts
    inner join collection_years
        on contacts.received_date between collection_years.start_date and collection_years.end_date
    inner join people
        on contacts.person_id = people.person_id
)

select
    contacts_in_years.contact_id,
    contacts_in_years.person_id,
    contacts_in_years.collection_year,
    contacts_in_years.received_date,
    child_contacts.contact_id is not null as is_children_candidate,
    adult_contacts.contact_id is not null as is_adults_candidate,
    coalesce(child_contacts.is_in_ch_001, false) as is_in_ch_001,
    coalesce(adult_contacts.is_in_ad_001a, false) as is_in_ad_001a,
    case
        when child_contacts.contact_id is not null and adult_contacts.contact_id is not null
            then
                case
                    when contacts_in_years.has_no_date_of_birth then 'no date of birth or expected date of birth'
                    else 'both sides'
                end
        when child_contacts.contact_id is not null then 'children'
        when adult_contacts.contact_id is not null then 'adults'
        else 'neither side'
    end as classified_side
from contacts_in_years
left join child_contacts
    on contacts_in_years.contact_id = child_contacts.contact_id
left join adult_contacts
    on contacts_in_years.contact_id = adult_contacts.contact_id
