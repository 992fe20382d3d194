{#
  Every contact received in the configured collection years about a person who is not known to be
  an adult at the time, with the decision for each children’s contact measure (CH/001-CH/005) and,
  where a contact is not counted, why. Measures select the counted rows; marts/return/
  measure_exclusions lists the reasons.

  Interpretations (docs/interpretations.md):
  - A child is a person under 18 on the date the contact was received, or an unborn child (no date
    of birth, or a date of birth after the contact). A person with neither a date of birth nor an
    expected date of birth is kept as a candidate and excluded with a reason, so it is seen.
  - "Receiving care and support at the time of the contact": a care and support plan (see
    int_plans__care_and_support_lifetimes) open on the date received.
  - CH/003: the decision must be a qualifying practice decision made by a practice manager or
    qualified practitioner, on or after the date received and on or before the first working day
    after it (a contact received on a non-working day counts that day as a working day, so the
    deadline is still the first working day after it).
#}
with

contacts as (
    select * from {{ ref('contact') }}
),

people as (
    select * from {{ ref('person') }}
),

care_and_support_plans as (
    select * from {{ ref('int_plans__care_and_support_lifetimes') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
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

child_candidates as (
    select * from contacts_in_years
    where age_at_contact is null or age_at_contact < 18
),

open_plans_at_contact as (
    {{ open_plan_on('child_candidates', 'care_and_support_plans', 'contact_id', 'received_date') }}
),

decision_deadlines as (
    select
        child_candidates.contact_id,
        received_day.next_working_day as decision_deadline_date
    from child_candidates
    inner join working_days as received_day
        on child_candidates.received_date = received_day.calendar_date
),

classified as (
    select
        child_candidates.*,
        open_plans_at_contact.open_plan_id,
        decision_deadlines.decision_deadline_date,
        case
            when child_candidates.is_recorded_in_error then 'contact recorded in error'
            when child_candidates.is_person_recorded_in_error then 'person record created in error'
            when child_candidates.date_of_birth is null and child_candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when child_candidates.contact_type_code <> 'iaa_contact'
                then 'not a contact to the IAA service (' || child_candidates.contact_type_code || ')'
            when child_candidates.is_carer_support_request
                then 'young carer seeking support with caring needs only'
            when open_plans_at_contact.open_plan_id is not null
                then 'receiving care and support at the time of the contact (see open_plan_id)'
        end as ch_001_exclusion_reason
    from child_candidates
    left join open_plans_at_contact
        on child_candidates.contact_id = open_plans_at_contact.contact_id
    left join decision_deadlines
        on child_candidates.contact_id = decision_deadlines.contact_id
)

select
    contact_id,
    contact_group_id,
    person_id,
    collection_year,
    received_date,
    age_at_contact,
    is_unborn,
    contact_type_code,
    contact_source_code,
    outcome_code,
    decision_date,
    decision_code,
    decision_by_role_code,
    decision_deadline_date,
    open_plan_id,
    is_physical_punishment_factor,
    is_physical_punishment_only_factor,
    source_reference,
    ch_001_exclusion_reason,
    ch_001_exclusion_reason is null as is_in_ch_001,
    {{ advice_or_assistance_exclusion_reason('ch_001_exclusion_reason', 'CH/001') }} as ch_002_exclusion_reason,
    case
        when ch_001_exclusion_reason is not null then 'not in CH/001'
        when decision_date_issue is not null then 'decision dated before the contact was received'
        when decision_date is null then 'no decision recorded'
        when decision_code is null or decision_code not in ({{ quoted_list(var('qualifying_contact_decisions')) }})
            then 'not a practice decision (' || coalesce(decision_code, 'no decision type') || ')'
        when
            decision_by_role_code is null
            or decision_by_role_code not in ({{ quoted_list(var('qualifying_decision_roles')) }})
            then
                'decision not made by a practice manager or qualified practitioner ('
                || coalesce(decision_by_role_code, 'role not recorded') || ')'
        when decision_date > decision_deadline_date
            then 'decision made after the end of the next working day (see decision_deadline_date)'
    end as ch_003_exclusion_reason
from classified
