{#
  Every missing episode (one row per report) of a person not known to be an adult on the date the
  child went missing, placed in the collection year of that date, with the decision for CH/031 (and
  so CH/032) and, where a report is not counted, why.

  Interpretations (docs/interpretations.md):
  - The incident date (start_date) places a report in the year: an episode that began before 1 April
    is not counted in the new year even if the child is still missing (exclude 2).
  - Every row is a report and counts (a child going missing several times is counted each time).
  - Missing types counted: var missing_episode_types_counted (default missing and absent: the
    catalogue counts "anyone whose whereabouts cannot be established"; away without authorisation
    means the child’s whereabouts are known or thought known, so it is not counted).
  - With var missing_requires_care_and_support (default true), the child must be receiving care and
    support (a care and support plan open on the date, int_plans__care_and_support_lifetimes) or be
    looked after by the authority (a looked-after episode open on the date) when they went missing:
    the catalogue counts "only those children receiving care and support from your local authority".
  - Children placed in the area by another local authority are excluded (flag on the report).
#}
with

missing_episodes as (
    select * from {{ ref('missing_episode') }}
),

people as (
    select * from {{ ref('person') }}
),

care_and_support_plans as (
    select * from {{ ref('int_plans__care_and_support_lifetimes') }}
),

looked_after_episodes as (
    select * from {{ ref('lac_episode') }}
    where not is_recorded_in_error
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

episodes_in_years as (
    select
        missing_episodes.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ is_unborn_on('people', 'missing_episodes.start_date') }} as is_unborn,
        {{ age_on('people', 'missing_episodes.start_date') }} as age_at_event
    from missing_episodes
    inner join collection_years
        on missing_episodes.start_date between collection_years.start_date and collection_years.end_date
    inner join people
        on missing_episodes.person_id = people.person_id
),

child_candidates as (
    select * from episodes_in_years
    where age_at_event is null or age_at_event < 18
),

open_plans_when_missing as (
    select
        child_candidates.missing_episode_id,
        min(care_and_support_plans.plan_id) as open_plan_id
    from child_candidates
    inner join care_and_support_plans
        on
            child_candidates.person_id = care_and_support_plans.person_id
            and {{ is_open_on('care_and_support_plans', 'child_candidates.start_date') }}
    group by child_candidates.missing_episode_id
),

open_looked_after_episodes_when_missing as (
    select
        child_candidates.missing_episode_id,
        min(looked_after_episodes.episode_id) as open_looked_after_episode_id
    from child_candidates
    inner join looked_after_episodes
        on
            child_candidates.person_id = looked_after_episodes.person_id
            and {{ is_open_on('looked_after_episodes', 'child_candidates.start_date') }}
    group by child_candidates.missing_episode_id
),

classified as (
    select
        child_candidates.*,
        open_plans_when_missing.open_plan_id,
        open_looked_after_episodes_when_missing.open_looked_after_episode_id,
        case
            when child_candidates.is_recorded_in_error then 'missing episode recorded in error'
            when child_candidates.is_person_recorded_in_error then 'person record created in error'
            when child_candidates.date_of_birth is null and child_candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when child_candidates.is_unborn then 'child not yet born on the date recorded as missing'
            when child_candidates.is_placed_by_another_authority
                then 'looked after by another local authority and placed in this area'
            when
                child_candidates.missing_type_code not in ({{ quoted_list(var('missing_episode_types_counted')) }})
                then
                    'recorded as ' || child_candidates.missing_type_code
                    || ', not counted as missing (var missing_episode_types_counted)'
            {%- if var('missing_requires_care_and_support') %}
                when
                    open_plans_when_missing.open_plan_id is null
                    and open_looked_after_episodes_when_missing.open_looked_after_episode_id is null
                    then 'not receiving care and support or looked after by this authority on the date missing'
            {%- endif %}
        end as ch_031_exclusion_reason
    from child_candidates
    left join open_plans_when_missing
        on child_candidates.missing_episode_id = open_plans_when_missing.missing_episode_id
    left join open_looked_after_episodes_when_missing
        on child_candidates.missing_episode_id = open_looked_after_episodes_when_missing.missing_episode_id
)

select
    missing_episode_id,
    person_id,
    collection_year,
    missing_type_code,
    start_date,
    reported_date,
    end_date,
    is_placed_by_another_authority,
    open_plan_id,
    open_looked_after_episode_id,
    age_at_event,
    is_unborn,
    source_reference,
    ch_031_exclusion_reason,
    ch_031_exclusion_reason is null as is_in_ch_031
from classified
