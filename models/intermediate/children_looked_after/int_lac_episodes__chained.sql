{#
  Every looked-after episode (lac_episode, including those recorded in error, so they can be listed
  with a reason) with its period of care and its placement:

  - care_period_id: the period of care (int_lac_episodes__care_periods, the chain CH/017 uses): the
    latest period of the child starting on or before the episode. Null for an episode in error.
  - is_transient_temporary_move: a temporary move (is_temporary_move) that ended within var
    lac_temporary_move_counted_after_days (21) days of its start: not a placement, the child is taken
    to have stayed in the substantive placement (CH/043 exclude 4; it does not reset the visit cycle,
    CH/041 example three). A longer or still open temporary move is a placement.
  - is_placement_start: the first substantive episode of the period of care, or one whose placement
    differs from the previous substantive episode’s: a different placement_id (when both are
    recorded), a different placement type at the same address (CH/043 include 3), or - when the
    system gives no placement_id - a P, B, CT1 or CT2 reason for new episode. An L episode, or a P/B
    episode keeping its placement_id and type (a carer’s change of address, CH/043 exclude 3), is not.
  - placement_number: the placement’s number within the period of care (1, 2, ...); placement_key =
    care_period_id:placement_number.
  - is_under_24_hours: as recorded; when not recorded, an episode starting and ending on one date.
#}
with

episodes as (
    select * from {{ ref('lac_episode') }}
),

care_periods as (
    select * from {{ ref('int_lac_episodes__care_periods') }}
),

people as (
    select * from {{ ref('person') }}
),

matched_periods as (
    select
        episodes.episode_id,
        care_periods.care_period_id,
        care_periods.start_date as period_start_date,
        care_periods.end_date as period_end_date,
        row_number() over (
            partition by episodes.episode_id
            order by care_periods.start_date desc, care_periods.care_period_id desc
        ) as match_rank
    from episodes
    inner join care_periods
        on
            episodes.person_id = care_periods.person_id
            and episodes.start_date >= care_periods.start_date
    where not episodes.is_recorded_in_error
),

with_periods as (
    select
        episodes.*,
        matched_periods.care_period_id,
        matched_periods.period_start_date,
        matched_periods.period_end_date,
        coalesce(
            episodes.is_temporary_move
            and episodes.end_date is not null
            and {{ dbt.datediff('episodes.start_date', 'episodes.end_date', 'day') }}
            <= {{ var('lac_temporary_move_counted_after_days') }},
            false
        ) as is_transient_temporary_move
    from episodes
    left join matched_periods
        on
            episodes.episode_id = matched_periods.episode_id
            and matched_periods.match_rank = 1
),

substantive as (
    select
        episode_id,
        care_period_id,
        start_date,
        placement_id,
        placement_type_code,
        reason_new_episode_code,
        lag(placement_id) over (
            partition by care_period_id order by start_date, episode_id
        ) as previous_placement_id,
        lag(placement_type_code) over (
            partition by care_period_id order by start_date, episode_id
        ) as previous_placement_type_code,
        row_number() over (
            partition by care_period_id order by start_date, episode_id
        ) as substantive_number
    from with_periods
    where care_period_id is not null and not is_transient_temporary_move
),

starts as (
    select
        *,
        case
            when substantive_number = 1 then 1
            when placement_type_code <> previous_placement_type_code then 1
            when placement_id is not null and previous_placement_id is not null
                then case when placement_id <> previous_placement_id then 1 else 0 end
            when reason_new_episode_code in ('p', 'b', 'ct1', 'ct2') then 1
            else 0
        end as is_placement_start
    from substantive
),

numbered as (
    select
        episode_id,
        is_placement_start,
        sum(is_placement_start) over (
            partition by care_period_id
            order by start_date, episode_id
            rows between unbounded preceding and current row
        ) as placement_number
    from starts
),

{# A transient temporary move belongs to the placement in force when it started. #}
transient_placements as (
    select
        with_periods.episode_id,
        max(numbered_before.placement_number) as placement_number
    from with_periods
    inner join with_periods as before_episodes
        on
            with_periods.care_period_id = before_episodes.care_period_id
            and with_periods.start_date >= before_episodes.start_date
            and not before_episodes.is_transient_temporary_move
    inner join numbered as numbered_before
        on before_episodes.episode_id = numbered_before.episode_id
    where with_periods.is_transient_temporary_move
    group by with_periods.episode_id
),

placed as (
    select
        with_periods.*,
        coalesce(numbered.is_placement_start, 0) = 1 as is_placement_start,
        coalesce(numbered.placement_number, transient_placements.placement_number, 1) as placement_number
    from with_periods
    left join numbered
        on with_periods.episode_id = numbered.episode_id
    left join transient_placements
        on with_periods.episode_id = transient_placements.episode_id
)

select
    placed.episode_id,
    placed.person_id,
    placed.care_period_id,
    placed.period_start_date,
    placed.period_end_date,
    case
        when placed.care_period_id is not null
            then placed.care_period_id || ':' || cast(placed.placement_number as {{ dbt.type_string() }})
    end as placement_key,
    placed.placement_number,
    placed.is_placement_start,
    placed.is_transient_temporary_move,
    placed.start_date,
    placed.end_date,
    placed.reason_new_episode_code,
    placed.legal_status_code,
    placed.legal_status_code = 'v1' as is_short_break,
    placed.placement_type_code,
    placed.placement_id,
    placed.placement_location_code,
    placed.carer_approval_status_code,
    placed.carer_approved_date,
    placed.is_permanent_placement,
    placed.permanence_agreed_date,
    placed.is_temporary_move,
    placed.section_30a_notice_date,
    placed.assessment_completed_date,
    placed.agreed_visit_interval_days,
    coalesce(placed.is_under_24_hours, placed.end_date = placed.start_date, false) as is_under_24_hours,
    placed.reason_episode_ceased_code,
    placed.is_recorded_in_error,
    people.is_recorded_in_error as is_person_recorded_in_error,
    people.date_of_birth,
    cast(
        {{ dbt.dateadd('day', 1, add_months(dbt.dateadd('day', -1, 'people.date_of_birth'), 216)) }}
        as date
    ) as eighteenth_birthday_date,
    placed.source_reference
from placed
inner join people
    on placed.person_id = people.person_id
