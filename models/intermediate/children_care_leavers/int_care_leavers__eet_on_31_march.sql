{#
  CH/054: the young people of CH/053 in category 2, 3 or 4 on 31 March, with whether they completed
  var care_leaver_eet_minimum_months (3) consecutive calendar months of education, employment or
  training (int_care_leaver_activities__eet_runs) since becoming a care leaver (part a) and in the
  collection year (part b), and where not, why.

  Decisions (docs/interpretations.md):
  - A run counts from the later of its start and the date the young person first became category 2,
    3 or 4 (exclude 3: EET before becoming a care leaver does not count); part b also from 1 April.
    It counts up to the earlier of its end and 31 March.
  - Completed n months: start + n calendar months <= the last day + 1 (1 January to 31 March is
    three months). A run still open on 31 March that has already lasted three months counts ("are
    in, or have completed", measure intent); a run that reaches three months only after 31 March
    does not.
  - So part b is a subset of part a (a run in the year after becoming a care leaver is one since).
  - Exclude young people who came back into care during the year (a new period of care, reason S,
    starting in the year after they first became a care leaver).
#}
{%- set months = var('care_leaver_eet_minimum_months') %}
with

young_people as (
    select * from {{ ref('int_care_leavers__on_31_march') }}
    where is_in_ch_053 and category_number in (2, 3, 4)
),

runs as (
    select * from {{ ref('int_care_leaver_activities__eet_runs') }}
),

clipped as (
    select
        young_people.collection_year,
        young_people.person_id,
        runs.eet_run_id,
        runs.source_reference,
        case
            when runs.start_date > young_people.became_care_leaver_date then runs.start_date
            else young_people.became_care_leaver_date
        end as since_leaver_start_date,
        case
            when
                runs.start_date > young_people.became_care_leaver_date
                and runs.start_date > young_people.year_start_date then runs.start_date
            when young_people.became_care_leaver_date > young_people.year_start_date
                then young_people.became_care_leaver_date
            else young_people.year_start_date
        end as in_year_start_date,
        case
            when runs.end_date is null or runs.end_date > young_people.year_end_date then young_people.year_end_date
            else runs.end_date
        end as counted_end_date
    from young_people
    inner join runs
        on
            young_people.person_id = runs.person_id
            and young_people.year_end_date >= runs.start_date
),

qualifying as (
    select
        *,
        {{ add_months('since_leaver_start_date', months) }}
        <= cast({{ dbt.dateadd('day', 1, 'counted_end_date') }} as date) as is_since_leaver,
        {{ add_months('in_year_start_date', months) }}
        <= cast({{ dbt.dateadd('day', 1, 'counted_end_date') }} as date) as is_in_year
    from clipped
),

first_runs as (
    select
        *,
        row_number() over (
            partition by collection_year, person_id
            order by case when is_since_leaver then 0 else 1 end, since_leaver_start_date, eet_run_id
        ) as part_a_rank,
        row_number() over (
            partition by collection_year, person_id
            order by case when is_in_year then 0 else 1 end, in_year_start_date, eet_run_id
        ) as part_b_rank
    from qualifying
),

by_person as (
    select
        collection_year,
        person_id,
        max(case when part_a_rank = 1 and is_since_leaver then since_leaver_start_date end) as part_a_run_start_date,
        max(case when part_b_rank = 1 and is_in_year then in_year_start_date end) as part_b_run_start_date,
        max(case when part_a_rank = 1 and is_since_leaver then source_reference end) as part_a_source_reference,
        max(case when part_b_rank = 1 and is_in_year then source_reference end) as part_b_source_reference
    from first_runs
    group by collection_year, person_id
),

classified as (
    select
        young_people.collection_year,
        young_people.person_id,
        young_people.care_leaver_status_id,
        young_people.category_code,
        young_people.became_care_leaver_date,
        young_people.year_end_date,
        young_people.came_back_into_care,
        by_person.part_a_run_start_date,
        by_person.part_b_run_start_date,
        by_person.part_a_source_reference,
        by_person.part_b_source_reference,
        young_people.source_reference,
        case
            when young_people.came_back_into_care then 'came back into care during the collection year'
            when by_person.part_a_run_start_date is null
                then
                    'no {{ months }} consecutive months of education, employment or training'
                    || ' since becoming a care leaver'
        end as ch_054a_exclusion_reason
    from young_people
    left join by_person
        on
            young_people.collection_year = by_person.collection_year
            and young_people.person_id = by_person.person_id
)

select
    collection_year,
    person_id,
    care_leaver_status_id,
    category_code,
    became_care_leaver_date,
    year_end_date,
    came_back_into_care,
    part_a_run_start_date,
    part_b_run_start_date,
    part_a_source_reference,
    part_b_source_reference,
    source_reference,
    ch_054a_exclusion_reason,
    ch_054a_exclusion_reason is null as is_in_ch_054a,
    case
        when ch_054a_exclusion_reason is null and part_b_run_start_date is null
            then 'no {{ months }} consecutive months of education, employment or training in the collection year'
    end as ch_054b_exclusion_reason,
    ch_054a_exclusion_reason is null and part_b_run_start_date is not null as is_in_ch_054b
from classified
