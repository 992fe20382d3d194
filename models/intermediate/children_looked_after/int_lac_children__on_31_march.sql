{#
  CH/039, CH/040, CH/043, CH/046-CH/048: every child with an open looked-after episode on 31 March of
  a configured collection year, one row per child and year. Open = started on or before 31 March and
  no end date or an end date after 31 March (CH/039 include 2: an episode ending on 31 March is not
  open; the X1 episode starting that day is). Episodes recorded in error are ignored. Where several
  episodes are open (a temporary move overlapping its placement), the latest started gives the legal
  status, placement type and location.

  - ch_039_exclusion_reason: person in error, no date of birth, aged 18 or over on 31 March (children
    only), short breaks (V1: CH/040 instead). Null = counted.
  - ch_040_exclusion_reason: for V1 children only (others are not CH/040 candidates): 18 or over on
    31 March (CH/040 exclude 4) or person in error.
  - placements_in_year (CH/043): placements (int_lac_placements__placements, counts_as_placement) of
    the child in force at any time in the year - begun before 1 April included, in any period of care.
  - ch_046/047/048_exclusion_reason: for CH/039 children; CH/046 the placement type on 31 March is not
    one of var lac_not_family_placement_types; CH/047-CH/048 a pre-adoptive placement (exclude 3) or no
    placement location recorded (CH/047-CH/048 candidates only when placed elsewhere in Wales or
    outside Wales, or the location is unknown).
#}
with

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where not is_recorded_in_error
),

placements as (
    select * from {{ ref('int_lac_placements__placements') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

open_episodes as (
    select
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        episodes.*,
        row_number() over (
            partition by collection_years.collection_year, episodes.person_id
            order by episodes.start_date desc, episodes.episode_id desc
        ) as open_rank
    from episodes
    inner join collection_years
        on
            episodes.start_date <= collection_years.end_date
            and (episodes.end_date is null or episodes.end_date > collection_years.end_date)
),

children as (
    select
        open_episodes.*,
        {{ age_at('open_episodes.date_of_birth', 'open_episodes.year_end_date') }} as age_on_31_march
    from open_episodes
    where open_rank = 1
),

placements_in_year as (
    select
        children.collection_year,
        children.person_id,
        count(placements.placement_key) as placements_in_year
    from children
    inner join placements
        on
            children.person_id = placements.person_id
            and placements.not_counted_reason is null
            and children.year_end_date >= placements.start_date
            and (placements.end_date is null or children.year_start_date <= placements.end_date)
    group by children.collection_year, children.person_id
),

classified as (
    select
        children.*,
        coalesce(placements_in_year.placements_in_year, 0) as placements_in_year,
        case
            when children.is_person_recorded_in_error then 'person record created in error'
            when children.date_of_birth is null then 'no date of birth: cannot tell the person is a child'
            when children.age_on_31_march >= 18 then 'aged 18 or over on 31 March: not a child'
            when children.is_short_break
                then 'short breaks (V1 legal status): counted in CH/040, not CH/039'
        end as ch_039_exclusion_reason,
        case
            when not children.is_short_break then null
            when children.is_person_recorded_in_error then 'person record created in error'
            when children.date_of_birth is null then 'no date of birth: cannot tell the person is a child'
            when children.age_on_31_march >= 18 then 'aged 18 or over on 31 March (exclude 4)'
        end as ch_040_exclusion_reason
    from children
    left join placements_in_year
        on
            children.collection_year = placements_in_year.collection_year
            and children.person_id = placements_in_year.person_id
)

select
    collection_year,
    person_id,
    episode_id,
    care_period_id,
    placement_key,
    start_date,
    end_date,
    legal_status_code,
    is_short_break,
    placement_type_code,
    placement_location_code,
    age_on_31_march,
    placements_in_year,
    ch_039_exclusion_reason,
    ch_039_exclusion_reason is null as is_in_ch_039,
    ch_040_exclusion_reason,
    is_short_break and ch_040_exclusion_reason is null as is_in_ch_040,
    case
        when ch_039_exclusion_reason is not null then 'not in CH/039'
        when placements_in_year < 3
            then
                cast(placements_in_year as {{ dbt.type_string() }})
                || ' placement(s) during the year: three or more are counted'
    end as ch_043_exclusion_reason,
    case
        when ch_039_exclusion_reason is not null then 'not in CH/039'
        when placement_type_code not in ({{ quoted_list(var('lac_not_family_placement_types')) }})
            then
                'placement type '
                || upper(placement_type_code)
                || ' on 31 March: placed with parents, family or friends, or not a listed type'
    end as ch_046_exclusion_reason,
    case
        when ch_039_exclusion_reason is not null then 'not in CH/039'
        when
            placement_location_code is null
            then 'placement location not recorded: cannot tell where the child is placed'
        when placement_location_code <> 'wales_other_authority' then 'not placed elsewhere in Wales'
        when placement_type_code in ({{ quoted_list(var('lac_pre_adoptive_placement_types')) }})
            then 'pre-adoptive placement ' || upper(placement_type_code) || ' on 31 March (exclude 3)'
    end as ch_047_exclusion_reason,
    case
        when ch_039_exclusion_reason is not null then 'not in CH/039'
        when
            placement_location_code is null
            then 'placement location not recorded: cannot tell where the child is placed'
        when placement_location_code <> 'outside_wales' then 'not placed outside Wales'
        when placement_type_code in ({{ quoted_list(var('lac_pre_adoptive_placement_types')) }})
            then 'pre-adoptive placement ' || upper(placement_type_code) || ' on 31 March (exclude 3)'
    end as ch_048_exclusion_reason,
    source_reference
from classified
