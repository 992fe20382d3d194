{#-
  CH/037a-CH/048: why a candidate record is not counted, one row per record, collection year and
  measure (unioned into measure_exclusions).
  - CH/037b (episode): 'S' episodes starting in the year not counted; CH/037a (episode): counted 'S'
    episodes that are not the child’s first of the year ("counted once per child").
  - CH/038 (episode): CH/037b episodes without a Part 6 plan authorised within 10 working days.
  - CH/039, CH/040 (child): children with an open episode on 31 March not counted; CH/043, CH/046
    (child): CH/039 children not counted; CH/047, CH/048 (child): CH/039 children placed elsewhere in
    Wales or outside Wales (or with no location) not counted.
  - CH/044 (school_change): changes of school not counted; (child) counted changes of children not in
    CH/039 on 31 March.
  - CH/045 (period_of_care): periods of care ending in the year that were not a counted return home,
    and earlier returns of a child counted once.
  - CH/041 (clock): placements and short-break series giving no visit due (period of care under
    7 days, person in error, more cycles than var lac_visit_max_cycles).
  - CH/042 (visit): looked-after visits not in part a, or in part a but late (reason "part b: ...").
-#}
with

starts as (
    select * from {{ ref('int_lac_episodes__starts') }}
),

children as (
    select * from {{ ref('int_lac_children__on_31_march') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

school_changes as (
    select * from {{ ref('int_lac_school_changes__classified') }}
),

returned_home as (
    select * from {{ ref('int_lac_periods__returned_home') }}
),

clocks as (
    select * from {{ ref('int_lac_visits__clocks') }}
),

cycles as (
    select * from {{ ref('int_lac_visits__cycles') }}
),

visits as (
    select * from {{ ref('int_lac_visits__classified') }}
),

children_dated as (
    select
        children.*,
        collection_years.end_date as year_end_date
    from children
    inner join collection_years
        on children.collection_year = collection_years.collection_year
),

cycle_counts as (
    select
        clock_id,
        max(cycle_number) as cycle_count
    from cycles
    group by clock_id
),

clock_years as (
    select
        collection_years.collection_year,
        clocks.clock_id,
        clocks.person_id,
        clocks.start_date,
        clocks.source_reference,
        coalesce(
            clocks.clock_exclusion_reason,
            case
                when cycle_counts.cycle_count > {{ var('lac_visit_max_cycles') }}
                    then
                        'more than {{ var("lac_visit_max_cycles") }} visiting cycles in one placement: '
                        || 'raise var lac_visit_max_cycles'
            end
        ) as exclusion_reason
    from clocks
    inner join collection_years
        on
            clocks.start_date <= collection_years.end_date
            and (clocks.end_date is null or clocks.end_date >= collection_years.start_date)
    left join cycle_counts
        on clocks.clock_id = cycle_counts.clock_id
),

school_children_not_in_ch_039 as (
    select
        school_changes.collection_year,
        school_changes.person_id,
        min(school_changes.change_date) as first_change_date,
        min(school_changes.source_reference) as source_reference
    from school_changes
    left join children
        on
            school_changes.collection_year = children.collection_year
            and school_changes.person_id = children.person_id
            and children.is_in_ch_039
    where school_changes.ch_044_exclusion_reason is null and children.person_id is null
    group by school_changes.collection_year, school_changes.person_id
),

exclusions as (
    select
        collection_year,
        'CH/037b' as measure_code,
        'episode' as item_type,
        episode_id as item_id,
        person_id,
        start_date as event_date,
        ch_037_exclusion_reason as exclusion_reason,
        source_reference
    from starts
    where ch_037_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/037a' as measure_code,
        'episode' as item_type,
        episode_id as item_id,
        person_id,
        start_date as event_date,
        coalesce(
            ch_037_exclusion_reason,
            'not the child''s first new episode of the year: the child is counted once'
        ) as exclusion_reason,
        source_reference
    from starts
    where not is_first_in_year

    union all

    select
        collection_year,
        'CH/038' as measure_code,
        'episode' as item_type,
        episode_id as item_id,
        person_id,
        start_date as event_date,
        ch_038_exclusion_reason as exclusion_reason,
        coalesce(plan_source_reference, source_reference) as source_reference
    from starts
    where is_in_ch_037b and ch_038_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/039' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        year_end_date as event_date,
        ch_039_exclusion_reason as exclusion_reason,
        source_reference
    from children_dated
    where ch_039_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/040' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        year_end_date as event_date,
        ch_040_exclusion_reason as exclusion_reason,
        source_reference
    from children_dated
    where ch_040_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/043' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        year_end_date as event_date,
        ch_043_exclusion_reason as exclusion_reason,
        source_reference
    from children_dated
    where is_in_ch_039 and ch_043_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/046' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        year_end_date as event_date,
        ch_046_exclusion_reason as exclusion_reason,
        source_reference
    from children_dated
    where is_in_ch_039 and ch_046_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/047' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        year_end_date as event_date,
        ch_047_exclusion_reason as exclusion_reason,
        source_reference
    from children_dated
    where
        is_in_ch_039
        and ch_047_exclusion_reason is not null
        and coalesce(placement_location_code, '') <> 'within_authority'
        and ch_047_exclusion_reason <> 'not placed elsewhere in Wales'

    union all

    select
        collection_year,
        'CH/048' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        year_end_date as event_date,
        ch_048_exclusion_reason as exclusion_reason,
        source_reference
    from children_dated
    where
        is_in_ch_039
        and ch_048_exclusion_reason is not null
        and coalesce(placement_location_code, '') <> 'within_authority'
        and ch_048_exclusion_reason <> 'not placed outside Wales'

    union all

    select
        collection_year,
        'CH/044' as measure_code,
        'school_change' as item_type,
        school_change_id as item_id,
        person_id,
        change_date as event_date,
        ch_044_exclusion_reason as exclusion_reason,
        source_reference
    from school_changes
    where ch_044_exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/044' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        first_change_date as event_date,
        'changed school while looked after but not in CH/039 on 31 March' as exclusion_reason,
        source_reference
    from school_children_not_in_ch_039

    union all

    select
        collection_year,
        'CH/045' as measure_code,
        'period_of_care' as item_type,
        care_period_id as item_id,
        person_id,
        period_end_date as event_date,
        coalesce(
            ch_045_exclusion_reason, 'an earlier return home of a child counted once (the latest is counted)'
        ) as exclusion_reason,
        source_reference
    from returned_home
    where not is_latest_return

    union all

    select
        collection_year,
        'CH/041' as measure_code,
        'clock' as item_type,
        clock_id as item_id,
        person_id,
        start_date as event_date,
        exclusion_reason,
        source_reference
    from clock_years
    where exclusion_reason is not null

    union all

    select
        collection_year,
        'CH/042' as measure_code,
        'visit' as item_type,
        visit_id as item_id,
        person_id,
        visit_date as event_date,
        coalesce(ch_042a_exclusion_reason, 'part b: ' || ch_042b_exclusion_reason) as exclusion_reason,
        source_reference
    from visits
    where ch_042a_exclusion_reason is not null or ch_042b_exclusion_reason is not null
)

select
    collection_year,
    measure_code,
    item_type,
    item_id,
    person_id,
    event_date,
    exclusion_reason,
    source_reference
from exclusions
