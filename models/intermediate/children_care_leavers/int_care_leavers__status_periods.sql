{#
  Care-leaver categories over time: one row per care_leaver_status period (section 104 SSWB(W) Act,
  categories 1-6), with the young person's date of birth and the checks every care-leaver measure
  needs. Nothing is dropped here: periods recorded in error, or of a person recorded in error, are
  flagged (is_usable false) so that the measures can give the reason they are not counted.

  - became_date: the date the young person became this category (start_date; category 1: 16th
    birthday or the end of the 13-week qualifying period; category 4: the date the authority was
    informed they are pursuing, or wish to pursue, education or training).
  - category_number: 1..6 from category_code.
  - is_first_period_of_category: no earlier usable period of the same category (an initial pathway
    plan is due once: CH/049 exclude 3).
  - became_care_leaver_date: the person's first usable category 2, 3 or 4 date ("since becoming a
    care leaver", CH/054a).
#}
with

statuses as (
    select * from {{ ref('care_leaver_status') }}
),

people as (
    select * from {{ ref('person') }}
),

joined as (
    select
        statuses.care_leaver_status_id,
        statuses.person_id,
        statuses.category_code,
        cast(substr(statuses.category_code, 10, 1) as integer) as category_number,
        statuses.start_date as became_date,
        statuses.start_date,
        statuses.end_date,
        statuses.personal_adviser_allocated_date,
        statuses.personal_adviser_end_date,
        statuses.is_engaged,
        statuses.engagement_ended_date,
        statuses.is_recorded_in_error,
        coalesce(people.is_recorded_in_error, false) as is_person_recorded_in_error,
        people.date_of_birth,
        statuses.source_reference
    from statuses
    left join people
        on statuses.person_id = people.person_id
),

flagged as (
    select
        *,
        not is_recorded_in_error and not is_person_recorded_in_error as is_usable
    from joined
),

ordered as (
    select
        *,
        case
            when is_usable
                then row_number() over (
                    partition by person_id, category_code, is_usable
                    order by start_date, care_leaver_status_id
                )
        end as period_number_in_category,
        min(case when is_usable and category_number in (2, 3, 4) then start_date end) over (
            partition by person_id
        ) as became_care_leaver_date
    from flagged
)

select
    care_leaver_status_id,
    person_id,
    category_code,
    category_number,
    became_date,
    start_date,
    end_date,
    personal_adviser_allocated_date,
    personal_adviser_end_date,
    is_engaged,
    engagement_ended_date,
    date_of_birth,
    is_recorded_in_error,
    is_person_recorded_in_error,
    is_usable,
    coalesce(period_number_in_category = 1, false) as is_first_period_of_category,
    became_care_leaver_date,
    source_reference
from ordered
