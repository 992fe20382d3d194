{#
  Every service that started (start_date) in a configured collection year for a person not known to
  be under 18 on its start date, with its AD/014 and AD/015 part and, where it is not counted, why.

  Interpretations (docs/interpretations.md):
  - A new service: not a change to an existing service (more or fewer hours, other days, another
    provider of the same type: change_to_existing_service). A change of service type is a new row and
    a new service, counted (AD/015 include 1).
  - Parts by national service type (seeds/measure_part_map.csv, code list care_service_type): adult
    care homes with and without nursing (not Shared Lives, not temporary care home stays awaiting a
    long-term package), domiciliary care, respite care (away from home; not short breaks at home).
  - AD/015c respite must cover at least one night and last at most var respite_care_max_months
    months: a respite service that ended on its start date, or ended more than 3 months after it, is
    not respite. One still open is counted.
  - AD/014 days: calendar days from the scheduled start date to the actual start. With no scheduled
    date on the service, "the date the care and support plan was completed" is the later of the plan's
    start (authorisation) date and the date the need for this service was identified (the plan revised
    to include it): a service added at a review of a plan made years ago did not wait since then (var
    unscheduled_service_wait_from = plan_start uses the plan's start date alone). the scheduled date being
    day zero and the start day not counted: 10 February -> 19 February = 8 days. A service that starts
    on, the day after, or before its scheduled date waited 0 days and is still counted, so AD/014 and
    AD/015 a-b count the same services and AD/014 / AD/015 is the average wait.
#}
with

services as (
    select * from {{ ref('int_adult_services__services') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

part_map as (
    select * from {{ ref('measure_part_map') }}
    where code_list = 'care_service_type'
),

started_in_years as (
    select
        services.*,
        collection_years.collection_year,
        {{ age_on('services', 'services.start_date') }} as age_at_start
    from services
    inner join collection_years
        on services.start_date between collection_years.start_date and collection_years.end_date
),

adult_candidates as (
    select
        started_in_years.*,
        case
            when started_in_years.scheduled_start_date is not null then started_in_years.scheduled_start_date
            {%- if var('unscheduled_service_wait_from') == 'plan_start' %}
                else started_in_years.plan_start_date
            {%- else %}
                when started_in_years.needs_identified_date > started_in_years.plan_start_date
                    then started_in_years.needs_identified_date
                else started_in_years.plan_start_date
            {%- endif %}
        end as scheduled_start_date_used,
        case
            when started_in_years.scheduled_start_date is not null then 'service'
            {%- if var('unscheduled_service_wait_from') != 'plan_start' %}
                when started_in_years.needs_identified_date > started_in_years.plan_start_date
                    then 'need identified (care and support plan revised)'
            {%- endif %}
            when started_in_years.plan_start_date is not null then 'care and support plan'
        end as scheduled_start_date_source
    from started_in_years
    where
        started_in_years.age_at_start >= 18
        or (started_in_years.date_of_birth is null and started_in_years.expected_date_of_birth is null)
),

with_parts as (
    select
        adult_candidates.*,
        ad_014_parts.part as ad_014_part,
        ad_015_parts.part as ad_015_part,
        {{ dbt.datediff('adult_candidates.scheduled_start_date_used', 'adult_candidates.start_date', 'day') }}
            as days_scheduled_to_start
    from adult_candidates
    left join part_map as ad_014_parts
        on
            ad_014_parts.measure_code = 'AD/014'
            and adult_candidates.service_type_code = ad_014_parts.national_code
    left join part_map as ad_015_parts
        on
            ad_015_parts.measure_code = 'AD/015'
            and adult_candidates.service_type_code = ad_015_parts.national_code
),

classified as (
    select
        with_parts.*,
        case
            when with_parts.days_scheduled_to_start > 1 then with_parts.days_scheduled_to_start - 1
            else 0
        end as days_waited,
        case
            when with_parts.service_exclusion_reason is not null then with_parts.service_exclusion_reason
            when with_parts.is_change_to_existing_service
                then 'change to an existing service (hours, days or provider), not a new service'
        end as new_service_exclusion_reason
    from with_parts
)

select
    service_id,
    person_id,
    collection_year,
    care_and_support_plan_id,
    service_type_code,
    start_date,
    end_date,
    age_at_start,
    scheduled_start_date,
    scheduled_start_date_used,
    scheduled_start_date_source,
    days_waited,
    replaces_service_id,
    ad_014_part,
    ad_015_part,
    source_reference,
    case
        when new_service_exclusion_reason is not null then new_service_exclusion_reason
        when ad_014_part is null
            then
                'service type ' || service_type_code
                || ' is not counted in AD/014 (adult care home, domiciliary care)'
    end as ad_014_exclusion_reason,
    case
        when new_service_exclusion_reason is not null then new_service_exclusion_reason
        when ad_015_part is null
            then
                'service type ' || service_type_code
                || ' is not counted in AD/015 (adult care home, domiciliary care, respite care)'
        when service_type_code = 'respite_care' and end_date = start_date
            then 'respite care that did not cover a night (ended on the day it started)'
        when
            service_type_code = 'respite_care'
            and end_date > {{ add_months('start_date', var('respite_care_max_months')) }}
            then 'respite care longer than {{ var("respite_care_max_months") }} months'
    end as ad_015_exclusion_reason
from classified
