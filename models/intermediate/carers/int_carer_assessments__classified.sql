{#
  Every carer's assessment process completed (authorised) in the configured collection years, with
  the carer group at completion (macro carer_group: adult 18 or over -> CA/004-CA/007, young under 18
  -> CA/014-CA/016) and the decision for the carers' assessment measures and, where one is not
  counted, why. A multi-stage process counts once (int_assessments__processes, shared with the
  children's and adults' measures); so does the re-assessment rule (macro open_plan_at_start).

  Candidates: processes of the types in var carer_assessment_types (carer, young_carer), and - CA/004
  and CA/014 include 3 - an assessment of a person's own care and support needs (adult, child) that
  also considered their needs as a carer (considers_needs_as_carer), while var
  carer_assessments_include_own_needs_assessments is true. Such an assessment is counted both as an
  assessment of care and support (AD/004, CH/006) and as a carer's assessment.

  Interpretations (docs/interpretations.md):
  - Age is taken at completion, the date that places the assessment in the year.
  - New, not a re-assessment: no support plan meeting needs as a carer open on the process's start
    date (int_carer_plans__support_lifetimes). A care and support plan alone does not make a carer's
    assessment a re-assessment.
  - Concluded: an outcome recorded and not "a more comprehensive assessment is required" (as CH/006,
    AD/004); five elements considered and a what matters conversation held.
  - A carer who refused the offer of assessment (CA/004 exclude 5, CA/014 exclude 5) has no
    assessment to count; their refusal is CA/006.
#}
with

processes as (
    select * from {{ ref('int_assessments__processes') }}
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
        processes.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'processes.completed_date') }} as age_at_completion
    from processes
    inner join collection_years
        on processes.completed_date between collection_years.start_date and collection_years.end_date
    inner join people
        on processes.person_id = people.person_id
    where
        processes.assessment_type_code in ({{ quoted_list(var('carer_assessment_types')) }})
        {%- if var('carer_assessments_include_own_needs_assessments') %}
            or processes.considers_needs_as_carer
        {%- endif %}
),

open_plans_at_start as (
    {{ open_plan_at_start('candidates', 'support_plans') }}
),

classified as (
    select
        candidates.*,
        {{ carer_group('candidates.age_at_completion') }} as carer_group,
        open_plans_at_start.open_plan_id as open_support_plan_id,
        case
            when candidates.is_recorded_in_error then 'assessment recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.age_at_completion is null
                then 'no date of birth (or born after completion): cannot tell an adult from a young carer'
            when candidates.outcome_code is null then 'no outcome recorded: assessment not concluded'
            when candidates.outcome_code = 'more_assessment_required'
                then 'final outcome is "a more comprehensive assessment is required": process not concluded'
            when not (candidates.is_what_matters_conversation_held and candidates.is_five_elements_considered)
                then 'five elements of assessment not considered or no what matters conversation'
            when open_plans_at_start.open_plan_id is not null
                then
                    're-assessment: a support plan meeting needs as a carer was open when the assessment'
                    || ' started (see open_support_plan_id)'
        end as carer_assessment_exclusion_reason
    from candidates
    left join open_plans_at_start
        on candidates.assessment_id = open_plans_at_start.assessment_id
)

select
    assessment_id,
    assessment_process_id,
    person_id,
    assessment_type_code,
    considers_needs_as_carer,
    collection_year,
    start_date,
    completed_date,
    stage_count,
    age_at_completion,
    carer_group,
    outcome_code,
    is_welsh_active_offer_made,
    is_welsh_active_offer_accepted,
    is_language_of_choice_used,
    open_support_plan_id,
    source_reference,
    carer_assessment_exclusion_reason,
    carer_assessment_exclusion_reason is null as is_counted_assessment
from classified
