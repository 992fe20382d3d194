{#
  CH/041: the statutory visits due, one row per visit due, from the cycles of each clock
  (int_lac_visits__cycles), as the catalogue's worked examples compute them:

  - A cycle that starts the clock (or a care order made while placed with a parent) has its first
    visit due var lac_visit_first_visit_days (7) days after day zero, then one every interval after it.
  - A cycle that only changes the interval (first review, carer approval, permanence, ...) continues
    from the last visit due before it ("use the date of the last visit, not the date of the change"):
    due dates are that date plus k times the new interval, k = 1, 2, ...
  - A cycle's visits are due up to and including its last day (the next event's day, or the clock's
    last_due_date); months are calendar months (add_months).

  Each cycle's start depends on the previous cycle's last due date, so the cycles are taken in
  var lac_visit_max_cycles set-based steps (one per cycle number, no loop over rows); a clock with
  more cycles gets no visit due here and is listed in measure_exclusions. The due dates are generated
  from the numbers k of the working-day calendar. A section 30A notice adds one visit due
  var lac_visit_section_30a_days (7) days after it (para 320), not moving the cycle. Due dates are
  placed in the collection year containing them; those before the first configured year are dropped.
#}
{%- set max_cycles = var('lac_visit_max_cycles') %}
with

cycles_all as (
    select * from {{ ref('int_lac_visits__cycles') }}
),

clocks as (
    select * from {{ ref('int_lac_visits__clocks') }}
),

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where care_period_id is not null
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

numbers as (
    select working_day_number - 1 as k
    from working_days
    where is_working_day and working_day_number <= 2500
),

cycle_counts as (
    select
        clock_id,
        max(cycle_number) as cycle_count
    from cycles_all
    group by clock_id
),

cycles as (
    select cycles_all.*
    from cycles_all
    inner join cycle_counts
        on cycles_all.clock_id = cycle_counts.clock_id
    where cycle_counts.cycle_count <= {{ max_cycles }}
),

clock_states_0 as (
    select
        clock_id,
        cast(null as date) as anchor_date,
        true as is_first_visit_pending,
        clock_first_visit_due_date as first_visit_due_date
    from cycles
    where cycle_number = 1
),

{%- for i in range(1, max_cycles + 1) %}

    cycle_{{ i }} as (
        select
            cycles.cycle_id,
            cycles.clock_id,
            cycles.cycle_number,
            cycles.cycle_start_date,
            cycles.cycle_last_due_date,
            cycles.interval_days,
            cycles.interval_months,
            case
                when cycles.is_first_visit_cycle and cycles.cycle_number > 1 then true
                else states.is_first_visit_pending
            end as is_first_visit_pending,
            case
                when cycles.is_first_visit_cycle and cycles.cycle_number > 1 then cycles.cycle_first_visit_due_date
                else states.first_visit_due_date
            end as first_visit_due_date,
            states.anchor_date
        from cycles
        inner join clock_states_{{ i - 1 }} as states
            on cycles.clock_id = states.clock_id
        where cycles.cycle_number = {{ i }}
    ),

    bases_{{ i }} as (
        select
            *,
            case when is_first_visit_pending then first_visit_due_date else anchor_date end as base_date,
            case when is_first_visit_pending then 0 else 1 end as first_k
        from cycle_{{ i }}
    ),

    dues_{{ i }} as (
        select
            bases.cycle_id,
            bases.clock_id,
            bases.cycle_number,
            bases.cycle_start_date,
            bases.cycle_last_due_date,
            bases.is_first_visit_pending,
            case
                when bases.interval_months is not null
                    then {{ add_months('bases.base_date', 'numbers.k * bases.interval_months') }}
                else cast({{ dbt.dateadd('day', 'numbers.k * bases.interval_days', 'bases.base_date') }} as date)
            end as due_date
        from bases_{{ i }} as bases
        inner join numbers
            on
                bases.first_k <= numbers.k
                and numbers.k * coalesce(bases.interval_days, bases.interval_months * 28)
                <= {{ dbt.datediff('bases.base_date', 'bases.cycle_last_due_date', 'day') }}
    ),

    {#- The cycle’s own columns travel with its due dates: joining cycle_{{ i }} back on cycle_id (unique)
        would give the same rows, but PostgreSQL, with no statistics on a CTE, planned it as a nested
        loop over every cycle for every due date (issue 15: 185 s on the small preset). #}
    kept_dues_{{ i }} as (
        select
            dues.cycle_id,
            dues.clock_id,
            dues.due_date
        from dues_{{ i }} as dues
        where
            dues.due_date <= dues.cycle_last_due_date
            and (dues.is_first_visit_pending or dues.cycle_number = 1 or dues.due_date >= dues.cycle_start_date)
    ),

    clock_states_{{ i }} as (
        select
            cycle.clock_id,
            coalesce(max(kept.due_date), cycle.anchor_date) as anchor_date,
            cycle.is_first_visit_pending and count(kept.due_date) = 0 as is_first_visit_pending,
            cycle.first_visit_due_date
        from cycle_{{ i }} as cycle
        left join kept_dues_{{ i }} as kept
            on cycle.cycle_id = kept.cycle_id
        group by cycle.clock_id, cycle.anchor_date, cycle.is_first_visit_pending, cycle.first_visit_due_date
    ),
{%- endfor %}

scheduled as (
    {%- for i in range(1, max_cycles + 1) %}
        select
            cycle_id,
            clock_id,
            due_date,
            'scheduled' as due_type
        from kept_dues_{{ i }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

section_30a as (
    select distinct
        clocks.clock_id || ':' || cast(episodes.section_30a_notice_date as {{ dbt.type_string() }}) as cycle_id,
        clocks.clock_id,
        cast({{ dbt.dateadd('day', var('lac_visit_section_30a_days'), 'episodes.section_30a_notice_date') }} as date)
            as due_date,
        'section 30A notice' as due_type
    from clocks
    inner join cycle_counts
        on clocks.clock_id = cycle_counts.clock_id
    inner join episodes
        on
            clocks.clock_id = episodes.placement_key
            and clocks.start_date <= episodes.section_30a_notice_date
    where
        clocks.clock_exclusion_reason is null
        and cycle_counts.cycle_count <= {{ max_cycles }}
        and {{ dbt.dateadd('day', var('lac_visit_section_30a_days'), 'episodes.section_30a_notice_date') }}
        <= clocks.last_due_date
),

all_dues as (
    select * from scheduled
    union all
    select * from section_30a
)

select
    collection_years.collection_year,
    all_dues.clock_id,
    clocks.clock_type,
    clocks.person_id,
    all_dues.cycle_id,
    cycles_all.regime,
    all_dues.due_type,
    'visit_due' as item_type,
    all_dues.clock_id || ':' || cast(all_dues.due_date as {{ dbt.type_string() }})
    || case when all_dues.due_type = 'section 30A notice' then ':s30a' else '' end as item_id,
    all_dues.due_date,
    clocks.source_reference
from all_dues
inner join clocks
    on all_dues.clock_id = clocks.clock_id
inner join collection_years
    on all_dues.due_date between collection_years.start_date and collection_years.end_date
left join cycles_all
    on all_dues.cycle_id = cycles_all.cycle_id
