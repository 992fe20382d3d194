{#
  Every section 126 enquiry record (one row per enquiry), placed in the collection year of the
  report it was made on (AD/023 is the base of AD/024-AD/028a: enquiries on reports received in
  the year, whenever they were completed), with the working days from receipt to completion and,
  for each enquiry measure, the reason it is not counted.

  Interpretations (docs/interpretations.md):
  - The base (AD/023): an enquiry not recorded in error, not a formal police investigation, on a
    report counted in AD/023.
  - AD/024: completed at most var adult_enquiry_timescale_working_days (7) working days after the day
    the report was received (day zero; weekends and Welsh bank holidays do not count; completion
    after 31 March included).
  - AD/025, AS/005, AD/026: completed enquiries of the base, completion at any date up to the extract
    (include 3 of each: "where you are able"); AD/026 needs an outcome recorded.
  - AD/027: AD/026 enquiries where further action was determined necessary and the adult refused
    to participate (var ad_027_immediate_protection_only restricts to AD/026a).
  - AD/028a: AD/026 enquiries where further action was determined necessary and a protection plan
    resulted (a care and support plan flagged as protecting the adult, started, i.e. signed off, not
    refused, not recorded in error), whether or not still open.
  - AS/007a: base enquiries whose decision (start date) falls in the same collection year as the
    report (AS/007 exclude 1).
#}
with

enquiries as (
    select * from {{ ref('adult_safeguarding_enquiry') }}
),

reports as (
    select * from {{ ref('int_adult_safeguarding_reports__classified') }}
),

plans as (
    select * from {{ ref('plan') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

enquiries_in_years as (
    select
        enquiries.*,
        reports.collection_year,
        reports.year_end_date,
        reports.received_date,
        reports.is_in_ad_023 as is_report_in_ad_023,
        coalesce(reports.ad_020_exclusion_reason, reports.ad_023_exclusion_reason) as report_exclusion_reason,
        {{ working_days_between('received_day', 'completed_day') }} as working_days_to_completion,
        plans.plan_id as linked_plan_id,
        plans.is_protection_plan as is_linked_plan_protection,
        plans.is_refused as is_linked_plan_refused,
        plans.is_recorded_in_error as is_linked_plan_recorded_in_error
    from enquiries
    inner join reports
        on enquiries.report_id = reports.report_id
    left join working_days as received_day
        on reports.received_date = received_day.calendar_date
    left join working_days as completed_day
        on enquiries.completed_date = completed_day.calendar_date
    left join plans
        on enquiries.protection_plan_id = plans.plan_id
),

based as (
    select
        enquiries_in_years.*,
        case
            when is_recorded_in_error then 'enquiry recorded in error'
            when is_formal_police_investigation then 'formal police investigation: not a section 126 enquiry'
            when not is_report_in_ad_023 then 'report not counted in AD/023: ' || report_exclusion_reason
        end as base_exclusion_reason
    from enquiries_in_years
),

classified as (
    select
        based.*,
        coalesce(
            base_exclusion_reason,
            case
                when completed_date is null then 'not completed (no completed date)'
                when working_days_to_completion is null then 'completed date outside the working-day calendar'
                when working_days_to_completion > {{ var('adult_enquiry_timescale_working_days') }}
                    then
                        'completed on working day ' || cast(working_days_to_completion as {{ dbt.type_string() }})
                        || ' after receipt (more than {{ var("adult_enquiry_timescale_working_days") }})'
            end
        ) as ad_024_exclusion_reason,
        coalesce(
            base_exclusion_reason,
            case when completed_date is null then 'not completed (no completed date)' end
        ) as completed_exclusion_reason,
        coalesce(
            base_exclusion_reason,
            case
                when completed_date is null then 'not completed (no completed date)'
                when outcome_code is null then 'completed with no outcome recorded'
            end
        ) as ad_026_exclusion_reason,
        coalesce(
            base_exclusion_reason,
            case
                when start_date > year_end_date
                    then 'decision to make enquiries (start date) after 31 March of the report''s collection year'
            end
        ) as as_007a_exclusion_reason
    from based
),

derived as (
    select
        classified.*,
        case
            when ad_026_exclusion_reason is not null then null
            {%- if var('ad_027_immediate_protection_only') %}
                when outcome_code <> 'immediate_protection'
                    then 'outcome ' || outcome_code || ' is not AD/026a immediate protection (var ad_027_immediate_protection_only)'
            {%- endif %}
            when not is_further_action_required then 'no further action determined necessary'
            when not has_adult_refused_action then 'the adult did not refuse to participate in the action identified'
        end as ad_027_exclusion_reason,
        case
            when ad_026_exclusion_reason is not null then null
            when not is_further_action_required then 'no further action determined necessary'
            when protection_plan_id is null then 'no care and support protection plan resulted'
            when linked_plan_id is null then 'protection plan ' || protection_plan_id || ' not in the accepted plans'
            when is_linked_plan_recorded_in_error then 'protection plan ' || protection_plan_id || ' recorded in error'
            when is_linked_plan_refused then 'protection plan ' || protection_plan_id || ' refused'
            when not is_linked_plan_protection
                then 'plan ' || protection_plan_id || ' is not a protection plan (protects_from_abuse_or_neglect not Y)'
        end as ad_028a_exclusion_reason
    from classified
)

select
    enquiry_id,
    report_id,
    person_id,
    collection_year,
    received_date,
    start_date,
    completed_date,
    working_days_to_completion,
    outcome_code,
    is_further_action_required,
    has_adult_refused_action,
    protection_plan_id,
    is_place_own_home,
    is_place_community,
    is_place_care_home,
    is_place_health_setting,
    is_place_other,
    source_reference,
    base_exclusion_reason,
    base_exclusion_reason is null as is_in_base,
    ad_024_exclusion_reason,
    ad_024_exclusion_reason is null as is_in_ad_024,
    completed_exclusion_reason,
    completed_exclusion_reason is null as is_completed_in_base,
    ad_026_exclusion_reason,
    ad_026_exclusion_reason is null as is_in_ad_026,
    ad_027_exclusion_reason,
    ad_026_exclusion_reason is null and ad_027_exclusion_reason is null as is_in_ad_027,
    ad_028a_exclusion_reason,
    ad_026_exclusion_reason is null and ad_028a_exclusion_reason is null as is_in_ad_028a,
    as_007a_exclusion_reason,
    as_007a_exclusion_reason is null as is_in_as_007a
from derived
