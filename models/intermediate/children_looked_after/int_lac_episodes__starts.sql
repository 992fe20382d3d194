{#
  CH/037a-b and CH/038: every episode with reason for new episode S (started to be looked after)
  starting in a configured collection year, including those recorded in error (listed with a reason).

  - ch_037_exclusion_reason (null = counted in CH/037b): episode or person in error; no date of
    birth; 18 or over at the start; short breaks (V1 legal status, exclude 1); the period of care it
    starts lasted less than 24 hours (exclude 3: the period ended and every episode in it lasted under
    24 hours - is_under_24_hours as recorded, or starting and ending on one date when not recorded; a
    child who moved on to another placement was looked after for longer). P, L, B and CT episodes are
    not candidates (exclude 2). Privately fostered children, children bailed to reside, children to be
    adopted but not looked after, and children on supervision or residence orders are not looked after
    and have no episode in the extract (exclude 4-10).
  - is_first_in_year: the child’s first counted S episode of the year (CH/037a counts each child once).
  - CH/038: the Part 6 care and support plan of the episode - the earliest plan of a type in var
    lac_part_6_plan_types (looked_after_care), not in error, authorised (plans.start_date) after the end
    of the child’s previous period of care and not ended before the episode started ("relates to the
    latest episode of care", include 6: a plan authorised before the placement counts).
    plan_working_days = working days from the episode start (day zero) to the plan’s authorisation,
    negative when before; in time when <= var lac_part_6_plan_working_days (10): day 10 is in time,
    day 11 is not. The plan may be authorised in the next year and still count for this year.
#}
with

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
),

care_periods as (
    select * from {{ ref('int_lac_episodes__care_periods') }}
),

plans as (
    select * from {{ ref('plan') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

period_durations as (
    select
        care_period_id,
        min(case when is_under_24_hours then 1 else 0 end) as all_under_24_hours
    from episodes
    where care_period_id is not null
    group by care_period_id
),

starts as (
    select
        collection_years.collection_year,
        episodes.*,
        {{ age_at('episodes.date_of_birth', 'episodes.start_date') }} as age_at_start,
        coalesce(
            period_durations.all_under_24_hours = 1 and episodes.period_end_date is not null, false
        ) as is_period_under_24_hours
    from episodes
    inner join collection_years
        on episodes.start_date between collection_years.start_date and collection_years.end_date
    left join period_durations
        on episodes.care_period_id = period_durations.care_period_id
    where episodes.reason_new_episode_code = 's'
),

previous_periods as (
    select
        starts.episode_id,
        max(care_periods.end_date) as previous_period_end_date
    from starts
    inner join care_periods
        on
            starts.person_id = care_periods.person_id
            and starts.start_date > care_periods.start_date
            and starts.start_date >= care_periods.end_date
    group by starts.episode_id
),

classified as (
    select
        starts.*,
        previous_periods.previous_period_end_date,
        case
            when starts.is_recorded_in_error then 'episode recorded in error'
            when starts.is_person_recorded_in_error then 'person record created in error'
            when starts.date_of_birth is null then 'no date of birth: cannot tell the person is a child'
            when starts.age_at_start >= 18 then 'aged 18 or over when the episode started: not a child'
            when starts.is_short_break then 'short breaks (V1 legal status, exclude 1)'
            when starts.is_period_under_24_hours then 'looked after for less than 24 hours (exclude 3)'
        end as ch_037_exclusion_reason
    from starts
    left join previous_periods
        on starts.episode_id = previous_periods.episode_id
),

ranked as (
    select
        *,
        case
            when ch_037_exclusion_reason is null
                then row_number() over (
                    partition by collection_year, person_id, ch_037_exclusion_reason is null
                    order by start_date, episode_id
                )
        end as rank_in_year
    from classified
),

candidate_plans as (
    select
        ranked.episode_id,
        plans.plan_id,
        plans.start_date as plan_authorised_date,
        plans.source_reference as plan_source_reference,
        row_number() over (
            partition by ranked.episode_id
            order by plans.start_date, plans.plan_id
        ) as plan_rank
    from ranked
    inner join plans
        on
            ranked.person_id = plans.person_id
            and plans.plan_type_code in ({{ quoted_list(var('lac_part_6_plan_types')) }})
            and not plans.is_recorded_in_error
            and (ranked.previous_period_end_date is null or ranked.previous_period_end_date < plans.start_date)
            and (plans.end_date is null or ranked.start_date <= plans.end_date)
),

with_plans as (
    select
        ranked.*,
        candidate_plans.plan_id,
        candidate_plans.plan_authorised_date,
        candidate_plans.plan_source_reference,
        {{ working_days_between('start_day', 'plan_day') }} as plan_working_days
    from ranked
    left join candidate_plans
        on
            ranked.episode_id = candidate_plans.episode_id
            and candidate_plans.plan_rank = 1
    left join working_days as start_day
        on ranked.start_date = start_day.calendar_date
    left join working_days as plan_day
        on candidate_plans.plan_authorised_date = plan_day.calendar_date
)

select
    collection_year,
    episode_id,
    person_id,
    care_period_id,
    start_date,
    end_date,
    legal_status_code,
    is_short_break,
    is_under_24_hours,
    is_period_under_24_hours,
    age_at_start,
    previous_period_end_date,
    ch_037_exclusion_reason,
    ch_037_exclusion_reason is null as is_in_ch_037b,
    coalesce(rank_in_year = 1, false) as is_first_in_year,
    plan_id,
    plan_authorised_date,
    plan_working_days,
    case
        when ch_037_exclusion_reason is not null then 'not in CH/037b'
        when plan_id is null then 'no Part 6 care and support plan authorised for this episode'
        when plan_working_days is null
            then 'working days unknown: episode or plan date outside the working-day calendar'
        when plan_working_days > {{ var('lac_part_6_plan_working_days') }}
            then
                'Part 6 plan authorised ' || cast(plan_working_days as {{ dbt.type_string() }})
                || ' working days after the episode started (within {{ var("lac_part_6_plan_working_days") }} counted)'
    end as ch_038_exclusion_reason,
    source_reference,
    plan_source_reference
from with_plans
