{#
  Every assessment process of a person’s own needs (var adult_assessment_types: adult, and child
  assessments concluded after the 18th birthday) completed (authorised) in the configured collection
  years that is an adults’ candidate, with the decision for each adults’ assessment measure
  (AD/004-AD/009) and, where one is not counted, why. A multi-stage process counts once
  (int_assessments__processes, shared with the children’s measures).

  Candidates: adult assessments of anyone (one of a person under 18 at completion is listed as
  excluded, since the children’s measures count only child assessments), and child assessments
  of a person 18 or over at completion (the children’s measures stop at 18: the person has moved to
  the adults’ measures). Carers’ and young carers’ assessments belong to the carers’ measures.

  Interpretations (docs/interpretations.md):
  - Age is taken at completion (authorisation), the date that places the assessment in the year.
  - New, not a re-assessment: no care and support plan open on the process’s start date
    (int_adult_plans__care_and_support_lifetimes); a carer’s support plan does not make an
    assessment of the person’s own needs a re-assessment.
  - A process whose final outcome is "a more comprehensive assessment is required" has not
    concluded: excluded as incomplete, as for CH/006.
  - AD/008: a repeat assessment is requested by the adult (or, for a child assessment concluded at
    18, the young person) or a family member, with no change of circumstances, and another concluded
    assessment of the same person’s own needs was completed on or before this one’s start and no
    more than var repeat_assessment_lookback_months (12) calendar months before it - the rule of
    CH/013.
#}
with

processes as (
    select * from {{ ref('int_assessments__processes') }}
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

own_needs_processes as (
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
    where processes.assessment_type_code in ({{ quoted_list(var('adult_assessment_types')) }})
),

candidates as (
    select
        own_needs_processes.*,
        collection_years.collection_year
    from own_needs_processes
    inner join collection_years
        on own_needs_processes.completed_date between collection_years.start_date and collection_years.end_date
    where
        own_needs_processes.assessment_type_code = 'adult'
        or own_needs_processes.age_at_completion >= 18
),

open_plans_at_start as (
    {{ open_plan_at_start('candidates', 'care_and_support_plans') }}
),

previous_assessments as (
    {{ previous_concluded_assessment('candidates', 'own_needs_processes') }}
),

classified as (
    select
        candidates.*,
        open_plans_at_start.open_plan_id,
        previous_assessments.previous_completed_date,
        case
            when candidates.is_recorded_in_error then 'assessment recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.date_of_birth is null and candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is an adult'
            when candidates.age_at_completion is null or candidates.age_at_completion < 18
                then 'under 18 when the assessment was completed: a child, not counted for adults'
            when candidates.outcome_code is null then 'no outcome recorded: assessment not concluded'
            when candidates.outcome_code = 'more_assessment_required'
                then 'final outcome is "a more comprehensive assessment is required": process not concluded'
            when not (candidates.is_what_matters_conversation_held and candidates.is_five_elements_considered)
                then 'five elements of assessment not considered or no what matters conversation'
            when open_plans_at_start.open_plan_id is not null
                then 're-assessment: a care and support plan was open when the assessment started (see open_plan_id)'
        end as ad_004_exclusion_reason
    from candidates
    left join open_plans_at_start
        on candidates.assessment_id = open_plans_at_start.assessment_id
    left join previous_assessments
        on candidates.assessment_id = previous_assessments.assessment_id
)

select
    assessment_id,
    assessment_process_id,
    person_id,
    assessment_type_code,
    collection_year,
    start_date,
    completed_date,
    stage_count,
    age_at_completion,
    outcome_code,
    requested_by_code,
    has_circumstances_changed,
    is_welsh_active_offer_made,
    is_welsh_active_offer_accepted,
    is_language_of_choice_used,
    is_in_secure_estate,
    open_plan_id,
    previous_completed_date,
    source_reference,
    ad_004_exclusion_reason,
    ad_004_exclusion_reason is null as is_in_ad_004,
    case
        when ad_004_exclusion_reason is not null then 'not in AD/004'
        when
            requested_by_code is null
            or requested_by_code not in ({{ quoted_list(var('adult_repeat_assessment_requesters')) }})
            then
                'not requested by the adult or a family member ('
                || coalesce(requested_by_code, 'requester not recorded') || ')'
        when has_circumstances_changed then 'circumstances changed: a new assessment, not a repeat'
        when previous_completed_date is null
            then 'no previous assessment in the {{ var("repeat_assessment_lookback_months") }} months before the start'
    end as ad_008_exclusion_reason
from classified
