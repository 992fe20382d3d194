{#
  CH/049-CH/051: initial pathway plans due. One row per category 1 or category 4 status period and
  collection year whose window holds the date the young person became that category. The window is
  exactly as the catalogue has it: from 1 January before the collection year to 31 December within it
  (1 January 2026 - 31 December 2026 for 2026-27), not the collection year itself.

  Decisions (docs/interpretations.md):
  - The date a young person "turns 16 or 17 and meets the criteria" is the date they became category 1
    (status start_date: the 16th birthday, or the end of the 13-week qualifying period for a child who
    entered care later); category 4: the date the authority was informed of the education or training.
  - Category 1 must still be looked after (a looked-after episode that is not a V1 short break) and
    category 4 still actively engaged (status open, engagement_ended_date empty or later) on 1 April
    of the collection year (var pathway_plan_due_status_on: start_of_year), or on the category date
    (category_date).
  - An initial pathway plan is due once: a second category 1 period (after leaving and returning to
    care) is not counted again (exclude 3: turned 17 but already counted at 16). Each reconnection as
    category 4 is a new initial plan. One item per young person per year: the first qualifying period.
  - Category 1 must be 16 or 17 on the category date, category 4 under 25 (definitions).
  - CH/050: a pathway plan (plan type pathway, not refused, not in error; the plan's start_date is
    its authorisation = manager sign-off) signed off on or before due_date (the category date plus
    var pathway_plan_due_months calendar months) and not ended before the category date: a plan
    signed off before the category date ("about to turn 16", Part 6 Code para 421) is in time.
  - CH/051: the period's personal adviser first allocated on or before due_date (an allocation
    before the category date counts; a later change of adviser is not a new allocation).
#}
{%- set due_months = var('pathway_plan_due_months') %}
with

statuses as (
    select * from {{ ref('int_care_leavers__status_periods') }}
    where category_number in (1, 4)
),

collection_years as (
    select
        collection_year,
        start_date as year_start_date,
        {{ add_months('start_date', -3) }} as window_start_date,
        cast({{ dbt.dateadd('day', -1, add_months('start_date', 9)) }} as date) as window_end_date
    from {{ ref('int_collection_years') }}
),

looked_after_episodes as (
    select * from {{ ref('lac_episode') }}
    where not is_recorded_in_error and legal_status_code <> 'v1'
),

pathway_plans as (
    select * from {{ ref('plan') }}
    where
        plan_type_code = 'pathway'
        and not coalesce(is_recorded_in_error, false)
        and not coalesce(is_refused, false)
),

candidates as (
    select
        statuses.*,
        collection_years.collection_year,
        collection_years.year_start_date,
        collection_years.window_start_date,
        collection_years.window_end_date,
        {{ add_months('statuses.became_date', due_months) }} as due_date,
        {% if var('pathway_plan_due_status_on') == 'category_date' -%}
            statuses.became_date
        {%- else -%}
            collection_years.year_start_date
        {%- endif %} as status_check_date,
        {{ age_at('statuses.date_of_birth', 'statuses.became_date') }} as age_at_category_date
    from statuses
    inner join collection_years
        on statuses.became_date between collection_years.window_start_date and collection_years.window_end_date
),

looked_after_on_check_date as (
    select
        candidates.care_leaver_status_id,
        candidates.collection_year,
        min(looked_after_episodes.episode_id) as looked_after_episode_id
    from candidates
    inner join looked_after_episodes
        on
            candidates.person_id = looked_after_episodes.person_id
            and {{ is_open_on('looked_after_episodes', 'candidates.status_check_date') }}
    group by candidates.care_leaver_status_id, candidates.collection_year
),

plans_in_time as (
    select
        candidates.care_leaver_status_id,
        candidates.collection_year,
        min(pathway_plans.start_date) as pathway_plan_signed_off_date
    from candidates
    inner join pathway_plans
        on
            candidates.person_id = pathway_plans.person_id
            and candidates.due_date >= pathway_plans.start_date
            and (pathway_plans.end_date is null or candidates.became_date <= pathway_plans.end_date)
    group by candidates.care_leaver_status_id, candidates.collection_year
),

first_plans_after as (
    select
        candidates.care_leaver_status_id,
        candidates.collection_year,
        min(pathway_plans.start_date) as first_plan_after_due_date
    from candidates
    inner join pathway_plans
        on
            candidates.person_id = pathway_plans.person_id
            and candidates.due_date < pathway_plans.start_date
    group by candidates.care_leaver_status_id, candidates.collection_year
),

classified as (
    select
        candidates.*,
        looked_after_on_check_date.looked_after_episode_id,
        coalesce(plans_in_time.pathway_plan_signed_off_date, first_plans_after.first_plan_after_due_date)
            as pathway_plan_signed_off_date,
        case
            when candidates.is_recorded_in_error then 'care leaver status recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.date_of_birth is null then 'no date of birth: cannot tell the category 1 or 4 age'
            when candidates.category_number = 1 and candidates.age_at_category_date not in (16, 17)
                then 'category 1 recorded when not aged 16 or 17'
            when candidates.category_number = 4 and candidates.age_at_category_date >= 25
                then 'category 4 recorded at age 25 or over'
            when candidates.category_number = 1 and not candidates.is_first_period_of_category
                then 'became category 1 again: the initial pathway plan was due when first category 1'
            when candidates.category_number = 1 and looked_after_on_check_date.looked_after_episode_id is null
                then
                    {% if var('pathway_plan_due_status_on') == 'category_date' -%}
                        'category 1 not looked after on the date they became category 1'
                    {%- else -%}
                        'category 1 no longer looked after on 1 April of the collection year'
                    {%- endif %}
            when
                candidates.category_number = 4
                and not (
                    {{ is_open_on('candidates', 'candidates.status_check_date') }}
                    and (
                        coalesce(candidates.engagement_ended_date > candidates.status_check_date, false)
                        or (candidates.engagement_ended_date is null and coalesce(candidates.is_engaged, false))
                    )
                )
                then
                    {% if var('pathway_plan_due_status_on') == 'category_date' -%}
                        'category 4 not actively engaged with leaving care services on the category date'
                    {%- else -%}
                        'category 4 not actively engaged with leaving care services on 1 April of the collection year'
                    {%- endif %}
        end as rule_exclusion_reason
    from candidates
    left join looked_after_on_check_date
        on
            candidates.care_leaver_status_id = looked_after_on_check_date.care_leaver_status_id
            and candidates.collection_year = looked_after_on_check_date.collection_year
    left join plans_in_time
        on
            candidates.care_leaver_status_id = plans_in_time.care_leaver_status_id
            and candidates.collection_year = plans_in_time.collection_year
    left join first_plans_after
        on
            candidates.care_leaver_status_id = first_plans_after.care_leaver_status_id
            and candidates.collection_year = first_plans_after.collection_year
),

ranked as (
    select
        *,
        case
            when rule_exclusion_reason is null
                then row_number() over (
                    partition by collection_year, person_id, rule_exclusion_reason is null
                    order by became_date, care_leaver_status_id
                )
        end as qualifying_number
    from classified
),

final as (
    select
        *,
        coalesce(
            rule_exclusion_reason,
            case when qualifying_number > 1 then 'a pathway plan is already due for this young person this year' end
        ) as ch_049_exclusion_reason,
        pathway_plan_signed_off_date is not null and pathway_plan_signed_off_date <= due_date
            as is_plan_in_time,
        personal_adviser_allocated_date is not null and personal_adviser_allocated_date <= due_date
            as is_adviser_in_time
    from ranked
)

select
    care_leaver_status_id,
    person_id,
    collection_year,
    category_code,
    category_number,
    became_date,
    age_at_category_date,
    due_date,
    status_check_date,
    looked_after_episode_id,
    pathway_plan_signed_off_date,
    personal_adviser_allocated_date,
    source_reference,
    ch_049_exclusion_reason,
    ch_049_exclusion_reason is null as is_in_ch_049,
    ch_049_exclusion_reason is null and is_plan_in_time as is_in_ch_050,
    ch_049_exclusion_reason is null and is_adviser_in_time as is_in_ch_051,
    case
        when ch_049_exclusion_reason is null and not is_plan_in_time
            then
                case
                    when pathway_plan_signed_off_date is null then 'no pathway plan signed off'
                    else 'pathway plan signed off after the due date (category date + {{ due_months }} months)'
                end
    end as ch_050_exclusion_reason,
    case
        when ch_049_exclusion_reason is null and not is_adviser_in_time
            then
                case
                    when personal_adviser_allocated_date is null then 'no personal adviser allocated'
                    else 'personal adviser first allocated after the due date (category date + {{ due_months }} months)'
                end
    end as ch_051_exclusion_reason
from final
