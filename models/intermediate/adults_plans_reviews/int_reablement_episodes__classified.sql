{#
  AD/010 and AD/011: one row per period of reablement that ended in a configured collection year (its
  end date, after any extension, places it in the year), for a person not known to be a child on that
  date, with the decision for AD/010 and, where a period is not counted, why.

  Interpretations (docs/interpretations.md):
  - Completed = the period ended with a completed reason (seeds/code_map.csv, reablement_end_reason:
    the planned period, including any extension, concluded, or the goals were met). Ended by hospital
    admission, a move into residential care or out of the area, death, withdrawal or another reason is
    not completed. The extract records an extension on the same row (end date = end of the extension).
  - Every completed period counts, several per person, whether or not the person had a plan.
  - Adults are 18 or over on the end date.
  - A completed period with no outcome recorded cannot be classified in AD/011 a-d (whose parts must
    sum to AD/010), so it is not counted in AD/010 and is listed for correction (as CH/006 does for an
    assessment with no outcome).
  - The recorded outcome (practitioner’s judgement) decides the AD/011 part; the weekly hours are not
    used to derive or override it.
#}
with

episodes as (
    select * from {{ ref('reablement_episode') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

ended as (
    select
        collection_years.collection_year,
        episodes.reablement_episode_id,
        episodes.person_id,
        episodes.plan_id,
        episodes.start_date,
        episodes.planned_end_date,
        episodes.end_date,
        episodes.end_reason_code,
        episodes.is_completed,
        episodes.outcome_code,
        episodes.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_birth,
        {{ age_on('people', 'episodes.end_date') }} as age_at_end,
        episodes.source_reference
    from episodes
    inner join people
        on episodes.person_id = people.person_id
    inner join collection_years
        on episodes.end_date between collection_years.start_date and collection_years.end_date
),

candidates as (
    select * from ended
    where
        age_at_end >= 18
        or date_of_birth is null
)

select
    collection_year,
    reablement_episode_id,
    person_id,
    plan_id,
    start_date,
    planned_end_date,
    end_date,
    end_reason_code,
    outcome_code,
    age_at_end,
    source_reference,
    case
        when is_recorded_in_error then 'period of reablement recorded in error'
        when is_person_recorded_in_error then 'person record created in error'
        when date_of_birth is null then 'no date of birth: cannot tell the person is an adult'
        when not is_completed
            then 'ended but not completed (' || coalesce(end_reason_code, 'no end reason recorded') || ')'
        when outcome_code is null then 'completed but no outcome recorded: cannot be classified in AD/011 a-d'
    end as ad_010_exclusion_reason
from candidates
