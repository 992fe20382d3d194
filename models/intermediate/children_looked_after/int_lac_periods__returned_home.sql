{#
  CH/045: every period of care (int_lac_episodes__care_periods) ending in a configured collection
  year, with the episode that ended it (the last episode of the period) and whether the child
  returned home: that episode's reason episode ceased is in var lac_returned_home_reasons (E4, E43,
  E44, include 3) and its legal status in var lac_returned_home_legal_statuses (V2, C1, C2, include 2;
  V1, E1, L1-L3, J1-J2 and the statuses the catalogue does not list are not counted). Episodes in
  error are not part of any period. is_latest_return: the child's latest qualifying return of the
  year (a child is counted once, include 4-5).
#}
with

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where care_period_id is not null
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

last_episodes as (
    select
        *,
        row_number() over (
            partition by care_period_id
            order by coalesce(end_date, cast('9999-12-31' as date)) desc, start_date desc, episode_id desc
        ) as last_rank
    from episodes
),

ended as (
    select
        collection_years.collection_year,
        last_episodes.*,
        {{ age_at('last_episodes.date_of_birth', 'last_episodes.period_end_date') }} as age_at_end,
        case
            when last_episodes.is_person_recorded_in_error then 'person record created in error'
            when
                last_episodes.reason_episode_ceased_code is null
                or last_episodes.reason_episode_ceased_code not in ({{ quoted_list(var('lac_returned_home_reasons')) }})
                then
                    'did not return home (reason episode ceased '
                    || upper(coalesce(last_episodes.reason_episode_ceased_code, 'not recorded')) || ')'
            when last_episodes.legal_status_code not in ({{ quoted_list(var('lac_returned_home_legal_statuses')) }})
                then
                    'returned home under legal status ' || upper(last_episodes.legal_status_code)
                    || ': only V2, C1 and C2 are counted (include 2, exclude 1)'
        end as ch_045_exclusion_reason
    from last_episodes
    inner join collection_years
        on last_episodes.period_end_date between collection_years.start_date and collection_years.end_date
    where last_episodes.last_rank = 1
)

select
    collection_year,
    care_period_id,
    person_id,
    episode_id,
    period_start_date,
    period_end_date,
    legal_status_code,
    reason_episode_ceased_code,
    ch_045_exclusion_reason,
    ch_045_exclusion_reason is null as is_returned_home,
    coalesce(
        ch_045_exclusion_reason is null
        and row_number() over (
            partition by collection_year, person_id, ch_045_exclusion_reason is null
            order by period_end_date desc, care_period_id desc
        ) = 1,
        false
    ) as is_latest_return,
    source_reference
from ended
