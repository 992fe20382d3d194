{#
  Placements: one row per placement within a period of care (placement_key from
  int_lac_episodes__chained: consecutive episodes in the same placement, whatever their legal
  statuses; a transient temporary move stays within the substantive placement). Start = its first
  episode’s start, end = the latest end of its episodes (null while any is open). The attributes are
  those of the first episode. counts_as_placement (CH/043): not a pre-adoptive placement (var
  lac_pre_adoptive_placement_types, exclude 5) and not a short break (V1, exclude 1).
#}
with

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where care_period_id is not null and not is_transient_temporary_move
),

placements as (
    select
        placement_key,
        min(start_date) as start_date,
        max(coalesce(end_date, cast('9999-12-31' as date))) as covered_until,
        count(*) as episode_count
    from episodes
    group by placement_key
),

first_episodes as (
    select * from episodes
    where is_placement_start
)

select
    placements.placement_key,
    first_episodes.person_id,
    first_episodes.care_period_id,
    first_episodes.placement_number,
    first_episodes.episode_id as first_episode_id,
    placements.start_date,
    case when placements.covered_until < cast('9999-12-31' as date) then placements.covered_until end as end_date,
    placements.episode_count,
    first_episodes.reason_new_episode_code,
    first_episodes.placement_type_code,
    first_episodes.placement_id,
    first_episodes.is_temporary_move,
    first_episodes.is_short_break,
    first_episodes.placement_type_code in ({{ quoted_list(var('lac_pre_adoptive_placement_types')) }})
        as is_pre_adoptive,
    case
        when first_episodes.is_short_break then 'short break (V1): not a placement move (exclude 1)'
        when first_episodes.placement_type_code in ({{ quoted_list(var('lac_pre_adoptive_placement_types')) }})
            then 'move to a pre-adoptive placement ' || upper(first_episodes.placement_type_code) || ' (exclude 5)'
    end as not_counted_reason,
    first_episodes.source_reference
from placements
inner join first_episodes
    on placements.placement_key = first_episodes.placement_key
