{#
  CH/041-CH/042: the visiting cycles of each clock (int_lac_visits__clocks), one row per cycle: a
  stretch of the clock over which one minimum visiting interval applies. A new cycle starts at every
  event that can change the interval - the clock start, each episode start within the placement (a
  change of legal status), the first looked-after review of the period of care, a temporarily approved
  carer’s approval, the completion of the assessment of a child placed with a parent, the first
  anniversary of the placement and the date it was agreed as permanent - and its interval follows from
  the state on that day (the episode in force), first rule that applies:

  | regime (para)                                   | interval                                             |
  | secure_or_custody (319): placement type in var lac_visit_secure_placement_types | 6-weekly in the placement’s first year, then 3-monthly |
  | parent_interim_care_order (318): placed with a parent (var lac_visit_parent_placement_types) under an interim care order | weekly until the first review, then 4-weekly (until the final hearing: the care order starts a new episode) |
  | parent_before_assessment (317): placed with a parent, assessment_completed_date not reached | weekly until the first review, then 6-weekly |
  | parent (317): placed with a parent, otherwise   | 6-weekly                                             |
  | temporarily_approved_carer (318): carer approval temporarily_approved and not yet approved | weekly until the first review, then 4-weekly |
  | permanent (316): is_permanent_placement, after the placement’s first year and from permanence_agreed_date | 3-monthly |
  | standard (316)                                  | 6-weekly                                             |
  | short_breaks (301): a short-break series        | agreed_visit_interval_days, at most 6 months (6 months when not recorded) |

  Intervals are vars (lac_visit_*). is_first_visit_cycle: the cycle starts the clock (the 7-day visit
  is due), or a care order was made while the child is placed with a parent (para 317: a visit within
  a week of the making of the care order). A cycle’s dues may fall on the day it ends when that is an
  event day (the worked example counts a visit on the day of the first review in the weekly cycle);
  the last cycle ends on the clock’s last_due_date. Clocks excluded in int_lac_visits__clocks have no
  cycles.
#}
with

clocks as (
    select * from {{ ref('int_lac_visits__clocks') }}
    where clock_exclusion_reason is null
),

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where care_period_id is not null and not is_transient_temporary_move
),

reviews as (
    select * from {{ ref('review') }}
    where review_type_code = 'looked_after' and not is_recorded_in_error
),

first_reviews as (
    select
        clocks.clock_id,
        min(reviews.review_date) as first_review_date
    from clocks
    inner join reviews
        on
            clocks.person_id = reviews.person_id
            and clocks.period_start_date <= reviews.review_date
            and (clocks.period_end_date is null or clocks.period_end_date >= reviews.review_date)
    group by clocks.clock_id
),

clock_episodes as (
    select
        clocks.clock_id,
        episodes.episode_id,
        episodes.start_date,
        episodes.legal_status_code,
        episodes.placement_type_code,
        episodes.carer_approval_status_code,
        episodes.carer_approved_date,
        episodes.is_permanent_placement,
        episodes.permanence_agreed_date,
        episodes.assessment_completed_date,
        lag(episodes.legal_status_code) over (
            partition by clocks.clock_id order by episodes.start_date, episodes.episode_id
        ) as previous_legal_status_code
    from clocks
    inner join episodes
        on
            clocks.clock_type = 'placement'
            and clocks.clock_id = episodes.placement_key
),

breakpoints as (
    select
        clock_id,
        start_date as cycle_start_date,
        'placement start' as cycle_event
    from clocks
    union
    select
        clock_id,
        start_date as cycle_start_date,
        'new episode (legal status or placement details)' as cycle_event
    from clock_episodes
    union
    select
        clock_id,
        carer_approved_date as cycle_start_date,
        'carer approved' as cycle_event
    from clock_episodes
    where carer_approved_date is not null
    union
    select
        clock_id,
        assessment_completed_date as cycle_start_date,
        'assessment completed' as cycle_event
    from clock_episodes
    where assessment_completed_date is not null
    union
    select
        clock_id,
        permanence_agreed_date as cycle_start_date,
        'placement agreed as permanent' as cycle_event
    from clock_episodes
    where permanence_agreed_date is not null
    union
    select
        clock_id,
        {{ add_months('start_date', 12) }} as cycle_start_date,
        'first anniversary of the placement' as cycle_event
    from clocks
    where clock_type = 'placement'
    union
    select
        clock_id,
        first_review_date as cycle_start_date,
        'first looked-after review' as cycle_event
    from first_reviews
),

cycle_starts as (
    select
        breakpoints.clock_id,
        breakpoints.cycle_start_date,
        case
            when max(case when breakpoints.cycle_event = 'placement start' then 1 else 0 end) = 1
                then 'placement start'
            else min(breakpoints.cycle_event)
        end as cycle_event
    from breakpoints
    inner join clocks
        on breakpoints.clock_id = clocks.clock_id
    where
        breakpoints.cycle_start_date >= clocks.start_date
        and breakpoints.cycle_start_date <= clocks.last_due_date
    group by breakpoints.clock_id, breakpoints.cycle_start_date
),

states as (
    select
        cycle_starts.clock_id,
        cycle_starts.cycle_start_date,
        cycle_starts.cycle_event,
        clock_episodes.episode_id,
        clock_episodes.start_date as episode_start_date,
        clock_episodes.legal_status_code,
        clock_episodes.previous_legal_status_code,
        clock_episodes.placement_type_code,
        clock_episodes.carer_approval_status_code,
        clock_episodes.carer_approved_date,
        clock_episodes.is_permanent_placement,
        clock_episodes.permanence_agreed_date,
        clock_episodes.assessment_completed_date,
        row_number() over (
            partition by cycle_starts.clock_id, cycle_starts.cycle_start_date
            order by clock_episodes.start_date desc, clock_episodes.episode_id desc
        ) as state_rank
    from cycle_starts
    left join clock_episodes
        on
            cycle_starts.clock_id = clock_episodes.clock_id
            and cycle_starts.cycle_start_date >= clock_episodes.start_date
),

regimes as (
    select
        states.*,
        clocks.clock_type,
        clocks.person_id,
        clocks.start_date as clock_start_date,
        clocks.clock_zero_date,
        clocks.last_due_date,
        clocks.agreed_visit_interval_days,
        first_reviews.first_review_date,
        coalesce(
            first_reviews.first_review_date is null or states.cycle_start_date < first_reviews.first_review_date, false
        )
            as is_before_first_review,
        states.cycle_start_date < {{ add_months('clocks.start_date', 12) }} as is_in_first_year,
        case
            when clocks.clock_type = 'short_break_series' then 'short_breaks'
            when states.placement_type_code in ({{ quoted_list(var('lac_visit_secure_placement_types')) }})
                then 'secure_or_custody'
            when
                states.placement_type_code in ({{ quoted_list(var('lac_visit_parent_placement_types')) }})
                and states.legal_status_code in ({{ quoted_list(var('lac_visit_interim_care_order_statuses')) }})
                then 'parent_interim_care_order'
            when
                states.placement_type_code in ({{ quoted_list(var('lac_visit_parent_placement_types')) }})
                and (
                    states.assessment_completed_date is null
                    or states.assessment_completed_date > states.cycle_start_date
                )
                then 'parent_before_assessment'
            when states.placement_type_code in ({{ quoted_list(var('lac_visit_parent_placement_types')) }})
                then 'parent'
            when
                states.carer_approval_status_code = 'temporarily_approved'
                and (states.carer_approved_date is null or states.carer_approved_date > states.cycle_start_date)
                then 'temporarily_approved_carer'
            when
                states.is_permanent_placement
                and states.cycle_start_date >= {{ add_months('clocks.start_date', 12) }}
                and (states.permanence_agreed_date is null or states.permanence_agreed_date <= states.cycle_start_date)
                then 'permanent'
            else 'standard'
        end as regime
    from states
    inner join clocks
        on states.clock_id = clocks.clock_id
    left join first_reviews
        on states.clock_id = first_reviews.clock_id
    where states.state_rank = 1
),

intervals as (
    select
        regimes.*,
        case
            when regime = 'short_breaks'
                then case
                    when
                        agreed_visit_interval_days is not null
                        and {{ dbt.dateadd('day', 'agreed_visit_interval_days', 'cycle_start_date') }}
                        <= {{ add_months('cycle_start_date', var('lac_visit_short_break_max_interval_months')) }}
                        then agreed_visit_interval_days
                end
            when regime = 'secure_or_custody' and not is_in_first_year then null
            when regime = 'permanent' then null
            when
                regime in ('parent_interim_care_order', 'parent_before_assessment', 'temporarily_approved_carer')
                and is_before_first_review then {{ var('lac_visit_weekly_interval_days') }}
            when regime in ('parent_interim_care_order', 'temporarily_approved_carer')
                then {{ var('lac_visit_four_weekly_interval_days') }}
            else {{ var('lac_visit_standard_interval_days') }}
        end as interval_days,
        case
            when regime = 'short_breaks' then {{ var('lac_visit_short_break_max_interval_months') }}
            when
                regime = 'secure_or_custody' and not is_in_first_year
                then {{ var('lac_visit_permanent_interval_months') }}
            when regime = 'permanent' then {{ var('lac_visit_permanent_interval_months') }}
        end as interval_months_if_no_days,
        case
            when cycle_start_date = clock_start_date then true
            when
                placement_type_code in ({{ quoted_list(var('lac_visit_parent_placement_types')) }})
                and legal_status_code in ({{ quoted_list(var('lac_visit_care_order_statuses')) }})
                and coalesce(
                    previous_legal_status_code not in ({{ quoted_list(var('lac_visit_care_order_statuses')) }}), true
                )
                and episode_start_date = cycle_start_date
                then true
            else false
        end as is_first_visit_cycle
    from regimes
)

select
    clock_id || ':' || cast(cycle_start_date as {{ dbt.type_string() }}) as cycle_id,
    clock_id,
    clock_type,
    person_id,
    row_number() over (partition by clock_id order by cycle_start_date) as cycle_number,
    cycle_start_date,
    coalesce(
        lead(cycle_start_date) over (partition by clock_id order by cycle_start_date),
        last_due_date
    ) as cycle_last_due_date,
    cycle_event,
    episode_id,
    regime,
    interval_days,
    case when interval_days is null then interval_months_if_no_days end as interval_months,
    is_first_visit_cycle,
    cast({{ dbt.dateadd('day', var('lac_visit_first_visit_days'), 'clock_zero_date') }} as date)
        as clock_first_visit_due_date,
    {%- set cycle_zero = dbt.dateadd('day', -1 if var('lac_visit_placement_day_counts') else 0, 'cycle_start_date') %}
    cast({{ dbt.dateadd('day', var('lac_visit_first_visit_days'), cycle_zero) }} as date)
        as cycle_first_visit_due_date,
    first_review_date
from intervals
