{#
  CH/044: every change of school (school_change) dated in a configured collection year, with whether
  it counts for the child (the child must also be in CH/039 on 31 March, checked by the measure):

  - looked after on the change date: a substantive episode not in error and not a short break (V1,
    exclude 4) open that day (started on or before it, not ended before or on it) - changes while not
    looked after, or on the day care ended, are excluded (exclude 3);
  - of compulsory school age on the change date (the 2021 revision: "at the time of the move"): from
    the first 1 January, 1 April or 1 September after the fifth birthday (the start of the term
    following it) to the last Friday in June of the school year (September-August) in which the child
    turns 16;
  - the reason is not one of var lac_school_change_reasons_not_counted (transitional arrangements,
    school closed, special educational needs, to or from home tuition, adoption, preparing to return
    home: exclude 5-9 and the measure’s name). Out-of-county moves count (include 2).
#}
with

school_changes as (
    select * from {{ ref('school_change') }}
),

people as (
    select * from {{ ref('person') }}
),

episodes as (
    select * from {{ ref('int_lac_episodes__chained') }}
    where not is_recorded_in_error and not is_short_break
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

candidates as (
    select
        school_changes.school_change_id,
        school_changes.person_id,
        collection_years.collection_year,
        school_changes.change_date,
        school_changes.change_reason_code,
        school_changes.is_out_of_county,
        school_changes.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_birth,
        {{ add_months('people.date_of_birth', 60) }} as fifth_birthday_date,
        {{ add_months('people.date_of_birth', 192) }} as sixteenth_birthday_date,
        school_changes.source_reference
    from school_changes
    inner join people
        on school_changes.person_id = people.person_id
    inner join collection_years
        on school_changes.change_date between collection_years.start_date and collection_years.end_date
),

school_age as (
    select
        candidates.*,
        case
            when extract(month from fifth_birthday_date) < 4
                then make_date(cast(extract(year from fifth_birthday_date) as integer), 4, 1)
            when extract(month from fifth_birthday_date) < 9
                then make_date(cast(extract(year from fifth_birthday_date) as integer), 9, 1)
            else make_date(cast(extract(year from fifth_birthday_date) as integer) + 1, 1, 1)
        end as compulsory_school_age_start_date,
        make_date(
            cast(extract(year from sixteenth_birthday_date) as integer)
            + case when extract(month from sixteenth_birthday_date) >= 9 then 1 else 0 end,
            6,
            30
        ) as june_30_of_final_year
    from candidates
),

school_age_bounds as (
    select
        school_age.*,
        cast(
            {{ dbt.dateadd(
                'day',
                '-1 * cast(mod(cast(extract(dow from june_30_of_final_year) as integer) + 2, 7) as integer)',
                'june_30_of_final_year') }}
            as date
        ) as compulsory_school_age_end_date
    from school_age
),

looked_after_on_change as (
    select distinct school_age_bounds.school_change_id
    from school_age_bounds
    inner join episodes
        on
            school_age_bounds.person_id = episodes.person_id
            and school_age_bounds.change_date >= episodes.start_date
            and (episodes.end_date is null or school_age_bounds.change_date < episodes.end_date)
)

select
    school_age_bounds.school_change_id,
    school_age_bounds.person_id,
    school_age_bounds.collection_year,
    school_age_bounds.change_date,
    school_age_bounds.change_reason_code,
    school_age_bounds.is_out_of_county,
    school_age_bounds.compulsory_school_age_start_date,
    school_age_bounds.compulsory_school_age_end_date,
    case
        when school_age_bounds.is_recorded_in_error then 'school change recorded in error'
        when school_age_bounds.is_person_recorded_in_error then 'person record created in error'
        when
            school_age_bounds.date_of_birth is null
            then 'no date of birth: cannot tell the child is of compulsory school age'
        when looked_after_on_change.school_change_id is null
            then 'child not looked after (or on short breaks only) on the date of the change (exclude 3-4)'
        when
            school_age_bounds.change_date < school_age_bounds.compulsory_school_age_start_date
            or school_age_bounds.change_date > school_age_bounds.compulsory_school_age_end_date
            then 'not of compulsory school age on the date of the change'
        when school_age_bounds.change_reason_code in ({{ quoted_list(var('lac_school_change_reasons_not_counted')) }})
            then 'change of school for a reason not counted: ' || school_age_bounds.change_reason_code
    end as ch_044_exclusion_reason,
    school_age_bounds.source_reference
from school_age_bounds
left join looked_after_on_change
    on school_age_bounds.school_change_id = looked_after_on_change.school_change_id
