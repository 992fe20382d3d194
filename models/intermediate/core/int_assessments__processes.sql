{#
  One row per assessment process and person. Some local authorities record an assessment in
  several stages (forms); the catalogue counts the whole process once (CH/006 exclude 5). Stages
  recorded in error are dropped first; a process whose every stage was recorded in error is kept
  with is_recorded_in_error, so the exclusion is visible.

  - start_date: the first stage’s start (day zero for timescales);
  - completed_date: the last stage’s authorisation, and null while any stage is unauthorised;
  - outcome_code, requested_by_code, has_circumstances_changed: from the last stage (the concluded
    process) and the first stage (how it was requested) respectively;
  - evidence flags (seen, active offer, secure estate, physical punishment, needs as a carer
    considered...): true when any stage records them.
  The process is identified by its last stage’s assessment_id.
#}
with

assessments as (
    select * from {{ ref('assessment') }}
),

stages as (
    select
        assessments.*,
        bool_and(assessments.is_recorded_in_error) over (
            partition by assessments.assessment_process_id, assessments.person_id
        ) as is_process_recorded_in_error
    from assessments
),

live_stages as (
    select
        stages.*,
        row_number() over (
            partition by stages.assessment_process_id, stages.person_id
            order by stages.start_date, stages.assessment_id
        ) as stage_from_first,
        row_number() over (
            partition by stages.assessment_process_id, stages.person_id
            order by
                coalesce(stages.completed_date, stages.start_date) desc,
                stages.start_date desc,
                stages.assessment_id desc
        ) as stage_from_last
    from stages
    where not stages.is_recorded_in_error or stages.is_process_recorded_in_error
),

processes as (
    select
        assessment_process_id,
        person_id,
        min(start_date) as start_date,
        case when count(completed_date) = count(*) then max(completed_date) end as completed_date,
        count(*) as stage_count,
        bool_or(is_what_matters_conversation_held) as is_what_matters_conversation_held,
        bool_or(is_five_elements_considered) as is_five_elements_considered,
        bool_or(is_person_seen) as is_person_seen,
        bool_or(is_welsh_active_offer_made) as is_welsh_active_offer_made,
        bool_or(is_welsh_active_offer_accepted) as is_welsh_active_offer_accepted,
        bool_or(is_language_of_choice_used) as is_language_of_choice_used,
        bool_or(is_in_secure_estate) as is_in_secure_estate,
        bool_or(is_physical_punishment_factor) as is_physical_punishment_factor,
        bool_or(is_physical_punishment_only_factor) as is_physical_punishment_only_factor,
        bool_or(considers_needs_as_carer) as considers_needs_as_carer,
        bool_and(is_process_recorded_in_error) as is_recorded_in_error
    from live_stages
    group by assessment_process_id, person_id
),

first_stages as (
    select * from live_stages
    where stage_from_first = 1
),

last_stages as (
    select * from live_stages
    where stage_from_last = 1
)

select
    last_stages.assessment_id,
    processes.assessment_process_id,
    processes.person_id,
    first_stages.family_assessment_id,
    first_stages.contact_id,
    first_stages.assessment_type_code,
    processes.start_date,
    processes.completed_date,
    processes.stage_count,
    last_stages.outcome_code,
    first_stages.requested_by_code,
    first_stages.has_circumstances_changed,
    processes.is_what_matters_conversation_held,
    processes.is_five_elements_considered,
    processes.is_person_seen,
    processes.is_welsh_active_offer_made,
    processes.is_welsh_active_offer_accepted,
    processes.is_language_of_choice_used,
    processes.is_in_secure_estate,
    processes.is_physical_punishment_factor,
    processes.is_physical_punishment_only_factor,
    processes.considers_needs_as_carer,
    processes.is_recorded_in_error,
    last_stages.source_reference
from processes
inner join first_stages
    on
        processes.assessment_process_id = first_stages.assessment_process_id
        and processes.person_id = first_stages.person_id
inner join last_stages
    on
        processes.assessment_process_id = last_stages.assessment_process_id
        and processes.person_id = last_stages.person_id
