{#
  CH/041-CH/042: the clocks statutory visits run on, one row per clock.

  - A placement (int_lac_placements__placements, not a short break): every placement start resets the
    clock and needs a visit within var lac_visit_first_visit_days (7) days (para 316; a change of legal
    status or carer approval changes the frequency, not the clock: int_lac_visits__cycles). The clock
    runs from the placement’s start to its end (the next placement’s start or the end of the period of
    care).
  - A series of short breaks (legal status V1, para 301): the V1 periods of care of a child less than
    var lac_short_break_series_gap_days (183) apart; its clock runs from the first break’s start to the
    last break’s end, across the gaps between breaks ("for as long as the short breaks continue";
    CH/041 exclude 2 excepts short breaks from "periods not looked after").
  - clock_zero_date: day zero. With var lac_visit_placement_day_counts (true) the day of placement is
    day 1, so day zero is the day before (the CH/041 worked example: "20 October - 22 September = 28
    days" for a child placed on 23 September); false: the day of placement is day zero (CH/042 include 4).
  - last_due_date: the last day a visit can fall due: the day before the clock ends (the day the child
    moves is the new placement’s; the day care ends the child is not looked after), the day before the
    18th birthday, or the counting end (31 March of the last configured year, or var extract_date).
  - clock_exclusion_reason: the period of care (or series) lasted less than var
    lac_visit_min_period_days (7) days (exclude 3: no visit due, its visits not counted); person in
    error; no date of birth.
#}
with

placements as (
    select * from {{ ref('int_lac_placements__placements') }}
),

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where care_period_id is not null
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

counting_end as (
    select
        case
            when max(end_date) > {{ extract_date() }} then {{ extract_date() }}
            else max(end_date)
        end as counting_end_date
    from collection_years
),

period_attributes as (
    select distinct
        care_period_id,
        person_id,
        period_start_date,
        period_end_date,
        is_person_recorded_in_error,
        date_of_birth,
        eighteenth_birthday_date
    from episodes
    where is_placement_start and placement_number = 1
),

placement_clocks as (
    select
        placements.placement_key as clock_id,
        'placement' as clock_type,
        placements.person_id,
        placements.care_period_id,
        placements.placement_number,
        placements.start_date,
        placements.end_date,
        period_attributes.period_start_date,
        period_attributes.period_end_date,
        cast(null as integer) as agreed_visit_interval_days,
        period_attributes.is_person_recorded_in_error,
        period_attributes.date_of_birth,
        period_attributes.eighteenth_birthday_date,
        placements.source_reference
    from placements
    inner join period_attributes
        on placements.care_period_id = period_attributes.care_period_id
    where not placements.is_short_break
),

short_break_periods as (
    select
        period_attributes.*,
        first_episodes.agreed_visit_interval_days,
        first_episodes.source_reference,
        lag(period_attributes.period_end_date) over (
            partition by period_attributes.person_id
            order by period_attributes.period_start_date, period_attributes.care_period_id
        ) as previous_end_date
    from period_attributes
    inner join episodes as first_episodes
        on
            period_attributes.care_period_id = first_episodes.care_period_id
            and first_episodes.is_placement_start
            and first_episodes.placement_number = 1
    where first_episodes.is_short_break
),

short_break_series_flags as (
    select
        *,
        sum(
            case
                when previous_end_date is null then 1
                when
                    {{ dbt.datediff('previous_end_date', 'period_start_date', 'day') }}
                    >= {{ var('lac_short_break_series_gap_days') }}
                    then 1
                else 0
            end
        ) over (
            partition by person_id
            order by period_start_date, care_period_id
            rows between unbounded preceding and current row
        ) as series_number
    from short_break_periods
),

short_break_series as (
    select
        person_id,
        series_number,
        min(period_start_date) as start_date,
        max(coalesce(period_end_date, cast('9999-12-31' as date))) as covered_until
    from short_break_series_flags
    group by person_id, series_number
),

short_break_clocks as (
    select
        'sb:' || first_periods.care_period_id as clock_id,
        'short_break_series' as clock_type,
        first_periods.person_id,
        first_periods.care_period_id,
        1 as placement_number,
        short_break_series.start_date,
        case
            when short_break_series.covered_until < cast('9999-12-31' as date) then short_break_series.covered_until
        end as end_date,
        short_break_series.start_date as period_start_date,
        case
            when short_break_series.covered_until < cast('9999-12-31' as date) then short_break_series.covered_until
        end as period_end_date,
        first_periods.agreed_visit_interval_days,
        first_periods.is_person_recorded_in_error,
        first_periods.date_of_birth,
        first_periods.eighteenth_birthday_date,
        first_periods.source_reference
    from short_break_series
    inner join short_break_series_flags as first_periods
        on
            short_break_series.person_id = first_periods.person_id
            and short_break_series.series_number = first_periods.series_number
            and short_break_series.start_date = first_periods.period_start_date
),

clocks as (
    select * from placement_clocks
    union all
    select * from short_break_clocks
),

bounded as (
    select
        clocks.*,
        {%- set zero_offset = -1 if var('lac_visit_placement_day_counts') else 0 %}
        cast({{ dbt.dateadd('day', zero_offset, 'clocks.start_date') }} as date) as clock_zero_date,
        cast({{ dbt.dateadd('day', -1, 'clocks.end_date') }} as date) as day_before_end_date,
        cast({{ dbt.dateadd('day', -1, 'clocks.eighteenth_birthday_date') }} as date)
            as day_before_eighteenth_birthday_date,
        counting_end.counting_end_date
    from clocks
    cross join counting_end
)

select
    clock_id,
    clock_type,
    person_id,
    care_period_id,
    placement_number,
    start_date,
    end_date,
    period_start_date,
    period_end_date,
    clock_zero_date,
    case
        when
            day_before_end_date <= coalesce(day_before_eighteenth_birthday_date, day_before_end_date)
            and day_before_end_date <= counting_end_date
            then day_before_end_date
        when day_before_eighteenth_birthday_date <= counting_end_date then day_before_eighteenth_birthday_date
        else counting_end_date
    end as last_due_date,
    agreed_visit_interval_days,
    date_of_birth,
    eighteenth_birthday_date,
    case
        when is_person_recorded_in_error then 'person record created in error'
        when date_of_birth is null then 'no date of birth: cannot tell the person is a child'
        when
            period_end_date is not null
            and {{ dbt.datediff('period_start_date', 'period_end_date', 'day') }}
            < {{ var('lac_visit_min_period_days') }}
            then
                'period of care of less than {{ var("lac_visit_min_period_days") }} days ('
                || cast(period_start_date as {{ dbt.type_string() }}) || ' to '
                || cast(period_end_date as {{ dbt.type_string() }}) || ', exclude 3)'
    end as clock_exclusion_reason,
    source_reference
from bounded
