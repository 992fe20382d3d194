{#
  CH/053 (and the CH/054 population): every young person with a care-leaver status period open on
  31 March of a collection year, once, with the category they are counted in and, where they are not
  counted, why.

  Decisions (docs/interpretations.md):
  - Open on 31 March: started on or before it and not ended before it (a period ending on 31 March
    still holds on that day). Periods recorded in error, or of a person recorded in error, are not
    counted (a young person with only such periods is listed with that reason).
  - Counted once (include 3): with two periods open (a category 3 young person reconnecting as
    category 4), the first category in var care_leaver_category_precedence (default category 4, 1,
    2, 3, 5, 6).
  - The category must fit the age on 31 March (section 104): categories 1 and 2 aged 16 or 17,
    category 3 aged 18-24, category 4 under 25 (the catalogue's "or beyond if the programme extends
    beyond the 25th birthday" cannot be seen in the extract and is not applied), categories 5 and 6
    aged 16-20. A period whose category no longer fits is a status the system has not moved on and is
    excluded with the reason so that it can be corrected.
  - Category 1 must be looked after on 31 March (a looked-after episode that is not a V1 short break).
  - Active case (include 2 / exclude 2): var care_leaver_active_case_rule. either (default): counted
    when the authority interacted with the young person during the year OR a personal adviser
    supported them on 31 March; both: only when both. Interaction = a visit or personal adviser
    contact (visit), a plan review, a pathway plan signed off, or a looked-after episode open, during
    the collection year. A personal adviser supports on 31 March when any of the young person's
    status periods has an adviser allocated on or before and not ended before 31 March.
#}
{%- set precedence = var('care_leaver_category_precedence') %}
with

all_statuses as (
    select * from {{ ref('int_care_leavers__status_periods') }}
),

statuses as (
    select * from all_statuses
    where is_usable
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

looked_after_episodes as (
    select * from {{ ref('lac_episode') }}
    where not is_recorded_in_error and legal_status_code <> 'v1'
),

visits as (
    select
        person_id,
        visit_date as interaction_date
    from {{ ref('visit') }}
    where not is_recorded_in_error
),

reviews as (
    select
        person_id,
        review_date as interaction_date
    from {{ ref('review') }}
    where not is_recorded_in_error and review_date is not null
),

pathway_plans as (
    select
        person_id,
        start_date as interaction_date
    from {{ ref('plan') }}
    where plan_type_code = 'pathway' and not coalesce(is_recorded_in_error, false)
),

interactions as (
    select * from visits
    union all
    select * from reviews
    union all
    select * from pathway_plans
),

open_on_31_march as (
    select
        statuses.*,
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        {{ age_at('statuses.date_of_birth', 'collection_years.end_date') }} as age_on_31_march,
        case statuses.category_code
            {%- for category in precedence %}
                when '{{ category }}' then {{ loop.index }}
            {%- endfor %}
            else 99
        end as precedence_rank
    from all_statuses as statuses
    inner join collection_years
        on {{ is_open_on('statuses', 'collection_years.end_date') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by collection_year, person_id
            order by case when is_usable then 0 else 1 end, precedence_rank, start_date, care_leaver_status_id
        ) as rank_in_person
    from open_on_31_march
),

young_people as (
    select * from ranked
    where rank_in_person = 1
),

supported_by_adviser as (
    select
        young_people.collection_year,
        young_people.person_id,
        min(advisers.personal_adviser_allocated_date) as personal_adviser_allocated_date
    from young_people
    inner join statuses as advisers
        on
            young_people.person_id = advisers.person_id
            and young_people.year_end_date >= advisers.personal_adviser_allocated_date
            and (
                advisers.personal_adviser_end_date is null
                or young_people.year_end_date <= advisers.personal_adviser_end_date
            )
    group by young_people.collection_year, young_people.person_id
),

interacted as (
    select
        young_people.collection_year,
        young_people.person_id,
        max(interactions.interaction_date) as last_interaction_date
    from young_people
    inner join interactions
        on
            young_people.person_id = interactions.person_id
            and interactions.interaction_date between young_people.year_start_date and young_people.year_end_date
    group by young_people.collection_year, young_people.person_id
),

looked_after_during_year as (
    select
        young_people.collection_year,
        young_people.person_id,
        max(case when {{ is_open_on('looked_after_episodes', 'young_people.year_end_date') }} then 1 else 0 end)
            as is_looked_after_on_31_march,
        max(
            case
                when
                    looked_after_episodes.reason_new_episode_code = 's'
                    and looked_after_episodes.start_date
                    between young_people.year_start_date and young_people.year_end_date
                    and looked_after_episodes.start_date > young_people.became_care_leaver_date
                    then 1
                else 0
            end
        ) as came_back_into_care
    from young_people
    inner join looked_after_episodes
        on
            young_people.person_id = looked_after_episodes.person_id
            and young_people.year_end_date >= looked_after_episodes.start_date
            and (
                looked_after_episodes.end_date is null
                or young_people.year_start_date <= looked_after_episodes.end_date
            )
    group by young_people.collection_year, young_people.person_id
),

classified as (
    select
        young_people.*,
        supported_by_adviser.personal_adviser_allocated_date as supporting_adviser_allocated_date,
        supported_by_adviser.person_id is not null as is_supported_by_adviser,
        interacted.person_id is not null or looked_after_during_year.person_id is not null as has_interaction,
        coalesce(looked_after_during_year.is_looked_after_on_31_march = 1, false) as is_looked_after_on_31_march,
        coalesce(looked_after_during_year.came_back_into_care = 1, false) as came_back_into_care
    from young_people
    left join supported_by_adviser
        on
            young_people.collection_year = supported_by_adviser.collection_year
            and young_people.person_id = supported_by_adviser.person_id
    left join interacted
        on
            young_people.collection_year = interacted.collection_year
            and young_people.person_id = interacted.person_id
    left join looked_after_during_year
        on
            young_people.collection_year = looked_after_during_year.collection_year
            and young_people.person_id = looked_after_during_year.person_id
),

final as (
    select
        *,
        case
            when is_recorded_in_error then 'care leaver status recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when date_of_birth is null then 'no date of birth: cannot tell the category fits the age'
            when category_number in (1, 2) and age_on_31_march not in (16, 17)
                then category_code || ' recorded but not aged 16 or 17 on 31 March'
            when category_number = 3 and (age_on_31_march < 18 or age_on_31_march >= 25)
                then 'category_3 recorded but not aged 18 to 24 on 31 March'
            when category_number = 4 and age_on_31_march >= 25
                then 'category_4 recorded but aged 25 or over on 31 March'
            when category_number in (5, 6) and (age_on_31_march < 16 or age_on_31_march >= 21)
                then category_code || ' recorded but not aged 16 to 20 on 31 March'
            when category_number = 1 and not is_looked_after_on_31_march
                then 'category_1 recorded but not looked after on 31 March'
            {%- if var('care_leaver_active_case_rule') == 'both' %}
                when not has_interaction or not is_supported_by_adviser
                    then
                        case
                            when not has_interaction then 'no interaction by the authority during the year (inactive case)'
                            else 'not supported by a personal adviser on 31 March'
                        end
            {%- else %}
                when not has_interaction and not is_supported_by_adviser
                    then 'no interaction during the year and no personal adviser on 31 March (inactive case)'
            {%- endif %}
        end as ch_053_exclusion_reason
    from classified
)

select
    collection_year,
    person_id,
    care_leaver_status_id,
    category_code,
    category_number,
    became_date,
    became_care_leaver_date,
    date_of_birth,
    age_on_31_march,
    year_start_date,
    year_end_date,
    supporting_adviser_allocated_date,
    is_supported_by_adviser,
    has_interaction,
    is_looked_after_on_31_march,
    came_back_into_care,
    source_reference,
    ch_053_exclusion_reason,
    ch_053_exclusion_reason is null as is_in_ch_053
from final
