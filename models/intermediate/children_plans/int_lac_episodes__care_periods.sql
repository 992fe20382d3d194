{#
  Periods of care: one row per continuous spell of being looked after, from the CLA episodes
  (lac_episode). Episodes chain when one starts on or before the latest end date of the earlier
  episodes of the same child (a change of placement or legal status ends an episode with X1 and
  starts the next on the same day; a temporary move may overlap its substantive placement), or
  follows an episode that ended with X1 ("episode ceases and a new one begins": a gap after X1 is
  missing data, not a return home); a new spell starts after any other gap, or with an episode
  whose reason for new episode is S (started to be looked after). The period starts on its first
  episode's start date ("the date on which the child becomes looked after", CH/017 rule f) and ends
  on its last episode's end date (null while any episode is open). Episodes recorded in error are left out; short-break (V1) episodes are
  periods like any other.
#}
with

episodes as (
    select * from {{ ref('lac_episode') }}
    where not is_recorded_in_error
),

ordered as (
    select
        episode_id,
        person_id,
        start_date,
        end_date,
        reason_new_episode_code,
        source_reference,
        max(coalesce(end_date, cast('9999-12-31' as date))) over (
            partition by person_id
            order by start_date, episode_id
            rows between unbounded preceding and 1 preceding
        ) as covered_until,
        lag(reason_episode_ceased_code) over (
            partition by person_id
            order by start_date, episode_id
        ) as previous_reason_ceased_code
    from episodes
),

flagged as (
    select
        *,
        case
            when covered_until is null then 1
            when reason_new_episode_code = 's' then 1
            when start_date > covered_until and coalesce(previous_reason_ceased_code, '') <> 'x1' then 1
            else 0
        end as is_period_start
    from ordered
),

numbered as (
    select
        *,
        sum(is_period_start) over (
            partition by person_id
            order by start_date, episode_id
            rows between unbounded preceding and current row
        ) as period_number
    from flagged
),

periods as (
    select
        person_id,
        period_number,
        min(start_date) as start_date,
        max(coalesce(end_date, cast('9999-12-31' as date))) as covered_until,
        count(*) as episode_count
    from numbered
    group by person_id, period_number
),

first_episodes as (
    select * from numbered
    where is_period_start = 1
)

select
    first_episodes.episode_id as care_period_id,
    periods.person_id,
    periods.start_date,
    case when periods.covered_until < cast('9999-12-31' as date) then periods.covered_until end as end_date,
    periods.episode_count,
    first_episodes.source_reference
from periods
inner join first_episodes
    on
        periods.person_id = first_episodes.person_id
        and periods.period_number = first_episodes.period_number
