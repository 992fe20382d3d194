{#
  Every criminal or non-criminal investigation about an adult at risk (one row per investigation),
  placed in a collection year by the date it concluded (AS/006: "regardless of when they started"),
  an investigation still under way by the date it started, with the reason it is not counted.

  Interpretations (docs/interpretations.md):
  - Investigations are their own records: one following a report with no section 126 enquiry counts,
    and so does each of several investigations following one enquiry.
  - The adult is 18 or over on the date the investigation concluded.
  - A non-criminal investigation stopped because a criminal matter came to light is a concluded
    non-criminal investigation on the date it stopped (var as_006_counts_stopped_non_criminal); the
    police investigation that follows is counted separately when it concludes.
#}
with

investigations as (
    select * from {{ ref('adult_safeguarding_investigation') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

dated as (
    select
        investigations.*,
        coalesce(investigations.concluded_date, investigations.start_date) as event_date
    from investigations
),

in_years as (
    select
        dated.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'dated.event_date') }} as age_at_event
    from dated
    inner join collection_years
        on dated.event_date between collection_years.start_date and collection_years.end_date
    inner join people
        on dated.person_id = people.person_id
),

classified as (
    select
        in_years.*,
        case
            when is_recorded_in_error then 'investigation recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when concluded_date is null then 'not concluded (no concluded date)'
            when date_of_birth is null then 'no date of birth: cannot tell the person was 18 or over'
            when age_at_event < 18 then 'under 18 on the date the investigation concluded'
            {%- if not var('as_006_counts_stopped_non_criminal') %}
                when investigation_type_code = 'non_criminal' and is_stopped_for_criminal_matter
                    then 'non-criminal investigation stopped for a criminal matter (var as_006_counts_stopped_non_criminal)'
            {%- endif %}
        end as as_006_exclusion_reason
    from in_years
)

select
    investigation_id,
    person_id,
    report_id,
    enquiry_id,
    collection_year,
    investigation_type_code,
    start_date,
    concluded_date,
    event_date,
    is_stopped_for_criminal_matter,
    age_at_event,
    source_reference,
    as_006_exclusion_reason,
    as_006_exclusion_reason is null as is_in_as_006
from classified
