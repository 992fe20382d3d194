{#
  CH/055: looked-after episodes (CLA census, lac_episode) that ended with reason E10 ('When I am
  Ready' post-18 living arrangement), one row per episode and the collection year of its end date,
  with the decision and, where not counted, why.

  Decisions (docs/interpretations.md):
  - The end date of the episode places it in the year (the measure’s name: "during the year").
  - Counted whether or not the arrangement is still active at 31 March (include 2).
  - Not counted: V1 short-break episodes (exclude 1), episodes or people recorded in error (exclude 3).
    Every episode of lac_episode is a census episode of this authority (exclude 2).
  - One young person once a year (the first E10 ending of the year).
#}
with

episodes as (
    select * from {{ ref('lac_episode') }}
    where reason_episode_ceased_code = 'e10'
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

in_years as (
    select
        episodes.episode_id,
        episodes.person_id,
        episodes.legal_status_code,
        episodes.end_date,
        episodes.is_recorded_in_error,
        coalesce(people.is_recorded_in_error, false) as is_person_recorded_in_error,
        collection_years.collection_year,
        episodes.source_reference
    from episodes
    inner join collection_years
        on episodes.end_date between collection_years.start_date and collection_years.end_date
    left join people
        on episodes.person_id = people.person_id
),

classified as (
    select
        *,
        case
            when is_recorded_in_error then 'looked-after episode recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when legal_status_code = 'v1' then 'series of short breaks (V1 legal status)'
        end as rule_exclusion_reason
    from in_years
),

ranked as (
    select
        *,
        case
            when rule_exclusion_reason is null
                then row_number() over (
                    partition by collection_year, person_id, rule_exclusion_reason is null
                    order by end_date, episode_id
                )
        end as ending_number
    from classified
)

select
    episode_id,
    person_id,
    collection_year,
    legal_status_code,
    end_date,
    source_reference,
    coalesce(
        rule_exclusion_reason,
        case when ending_number > 1 then 'young person already counted this year' end
    ) as ch_055_exclusion_reason,
    rule_exclusion_reason is null and ending_number = 1 as is_in_ch_055
from ranked
