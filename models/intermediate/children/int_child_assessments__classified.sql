{#
  Every children’s assessment process completed (authorised) in the configured collection years
  about a person not known to be an adult at completion, with the decision for each children’s
  assessment measure (CH/006-CH/014) and, where an assessment is not counted, why.

  Interpretations (docs/interpretations.md):
  - Children’s assessments are assessments of type child (including pre-birth assessments); carer
    and young carer assessments are counted by the carers’ measures.
  - A child is under 18 on the completion date, or unborn then (no date of birth, or born after).
  - Re-assessment: a care and support plan was open on the process’s start date.
  - A process whose final outcome is "a more comprehensive assessment is required" has not
    concluded: it is excluded as incomplete.
  - CH/012: working days after the start date (day zero) up to and including the completion date,
    from the working-day calendar; within timescale when at most the var
    child_assessment_timescale_working_days (42).
  - CH/013: a repeat assessment is requested by the child or a family member, with no change of
    circumstances, and another completed children’s assessment of the same child was completed
    on or before this one’s start and no more than var repeat_assessment_lookback_months (12)
    calendar months before it.
#}
with

processes as (
    select * from {{ ref('int_assessments__processes') }}
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

child_processes as (
    select
        processes.*,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ is_unborn_on('people', 'processes.completed_date') }} as is_unborn_at_completion,
        {{ age_on('people', 'processes.completed_date') }} as age_at_completion
    from processes
    inner join people
        on processes.person_id = people.person_id
    where
        processes.assessment_type_code = 'child'
        and processes.completed_date is not null
),

candidates as (
    select
        child_processes.*,
        collection_years.collection_year
    from child_processes
    inner join collection_years
        on child_processes.completed_date between collection_years.start_date and collection_years.end_date
    where child_processes.age_at_completion is null or child_processes.age_at_completion < 18
),

open_plans_at_start as (
    {{ open_plan_at_start('candidates', 'care_and_support_plans') }}
),

previous_assessments as (
    {{ previous_concluded_assessment('candidates', 'child_processes') }}
),

timescales as (
    select
        candidates.assessment_id,
        {{ working_days_between('start_day', 'completed_day') }} as working_days_to_complete
    from candidates
    inner join working_days as start_day
        on candidates.start_date = start_day.calendar_date
    inner join working_days as completed_day
        on candidates.completed_date = completed_day.calendar_date
),

classified as (
    select
        candidates.*,
        open_plans_at_start.open_plan_id,
        previous_assessments.previous_completed_date,
        timescales.working_days_to_complete,
        case
            when candidates.is_recorded_in_error then 'assessment recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.date_of_birth is null and candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when candidates.outcome_code is null then 'no outcome recorded: assessment not concluded'
            when candidates.outcome_code = 'more_assessment_required'
                then 'final outcome is "a more comprehensive assessment is required": process not concluded'
            when not (candidates.is_what_matters_conversation_held and candidates.is_five_elements_considered)
                then 'five elements of assessment not considered or no what matters conversation'
            when open_plans_at_start.open_plan_id is not null
                then 're-assessment: a care and support plan was open when the assessment started (see open_plan_id)'
        end as ch_006_exclusion_reason
    from candidates
    left join open_plans_at_start
        on candidates.assessment_id = open_plans_at_start.assessment_id
    left join previous_assessments
        on candidates.assessment_id = previous_assessments.assessment_id
    left join timescales
        on candidates.assessment_id = timescales.assessment_id
)

select
    assessment_id,
    assessment_process_id,
    person_id,
    family_assessment_id,
    collection_year,
    start_date,
    completed_date,
    stage_count,
    age_at_completion,
    is_unborn_at_completion,
    outcome_code,
    requested_by_code,
    has_circumstances_changed,
    is_person_seen,
    is_welsh_active_offer_made,
    is_welsh_active_offer_accepted,
    is_language_of_choice_used,
    is_in_secure_estate,
    is_physical_punishment_factor,
    is_physical_punishment_only_factor,
    open_plan_id,
    working_days_to_complete,
    previous_completed_date,
    source_reference,
    ch_006_exclusion_reason,
    ch_006_exclusion_reason is null as is_in_ch_006,
    case
        when ch_006_exclusion_reason is not null then 'not in CH/006'
        when working_days_to_complete is null
            then 'working days to complete unknown: start or completion date outside the working-day calendar'
        when working_days_to_complete > {{ var('child_assessment_timescale_working_days') }}
            then 'completed after more than {{ var("child_assessment_timescale_working_days") }} working days'
    end as ch_012_exclusion_reason,
    case
        when ch_006_exclusion_reason is not null then 'not in CH/006'
        when requested_by_code is null or requested_by_code not in ('child', 'family')
            then
                'not requested by the child or a family member ('
                || coalesce(requested_by_code, 'requester not recorded') || ')'
        when has_circumstances_changed then 'circumstances changed: a new assessment, not a repeat'
        when previous_completed_date is null
            then 'no previous assessment in the {{ var("repeat_assessment_lookback_months") }} months before the start'
    end as ch_013_exclusion_reason
from classified
