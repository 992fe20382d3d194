{#
  AD/016-AD/019: one row per collection year and candidate plan (int_adult_plans__candidates) open at
  some time in the year, for a person not known to be a child then, with the plan's review due dates
  in the year (int_adult_reviews__schedule), the decision for the plan and, repeated on every row of the
  person, the decisions for the adult (the measures count adults, not plans).

  Interpretations (docs/interpretations.md):
  - AD/016: an adult is due a review when a review due date of one of their counted plans falls in the
    collection year (1 April to 31 March), or an earlier due date was still not met by a review on
    1 April (an overdue review stays due; its date in the year is 1 April), and they are 18 or over on
    that date. A plan that started in the year with its first review due after 31 March, or that ended
    before a review fell due, gives no due date. Every plan open for the whole year has one.
  - AD/017: of those, adults with at least one authorised review of a counted plan in the year (placed
    by var adult_review_counted_on, default the date held), before or after the due date.
  - AD/018: AD/016 adults with a direct payment in place (int_adult_plans__direct_payment_periods) on a
    review due date in the year. AD/019: adults in both AD/017 and AD/018.
  - A plan of a person whose due dates in the year all fall before their 18th birthday belongs to the
    children's measures and is not a candidate.
  - An in-year run (var extract_date set, macro extract_date): a due date after the extract date -
    including an overdue review carried to 1 April of a year that starts after it - is not yet due.
    A plan whose only adult due dates in the year are after it is listed with the reason "review due
    after the extract date (2026-11-20): due <date>". With extract_date null (default) due dates
    count to 31 March, as for a return made after the year end.
#}
with

plans as (
    select * from {{ ref('int_adult_plans__candidates') }}
),

schedule as (
    select * from {{ ref('int_adult_reviews__schedule') }}
),

direct_payment_periods as (
    select * from {{ ref('int_adult_plans__direct_payment_periods') }}
),

reviews as (
    select * from {{ ref('review') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

plan_years as (
    select
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        plans.*
    from plans
    inner join collection_years
        on
            plans.start_date <= collection_years.end_date
            and (plans.effective_end_date is null or plans.effective_end_date >= collection_years.start_date)
),

due_in_year as (
    -- a due date in the year, or an earlier one still not met on 1 April (an overdue review stays due):
    -- its date in the year is then 1 April
    select
        plan_years.collection_year,
        plan_years.plan_id,
        plan_years.person_id,
        case
            when schedule.due_date < plan_years.year_start_date then plan_years.year_start_date
            else schedule.due_date
        end as due_date_in_year,
        plan_years.date_of_birth
    from plan_years
    inner join schedule
        on
            plan_years.plan_id = schedule.plan_id
            and plan_years.year_end_date >= schedule.due_date
            and (
                plan_years.year_start_date <= schedule.due_date
                or schedule.met_by_review_date is null
                or plan_years.year_start_date <= schedule.met_by_review_date
            )
),

adult_due_in_year as (
    select
        due_in_year.collection_year,
        due_in_year.plan_id,
        due_in_year.due_date_in_year,
        coalesce(due_in_year.due_date_in_year > {{ extract_date() }}, false) as is_due_after_extract_date,
        max(case when direct_payment_periods.person_id is not null then 1 else 0 end)
        = 1 as has_direct_payment_on_due_date
    from due_in_year
    left join direct_payment_periods
        on
            due_in_year.person_id = direct_payment_periods.person_id
            and {{ is_open_on('direct_payment_periods', 'due_in_year.due_date_in_year') }}
    where {{ age_at('due_in_year.date_of_birth', 'due_in_year.due_date_in_year') }} >= 18
    group by due_in_year.collection_year, due_in_year.plan_id, due_in_year.due_date_in_year
),

due_summary as (
    select
        collection_year,
        plan_id,
        min(case when not is_due_after_extract_date then due_date_in_year end) as first_due_date_in_year,
        min(case when has_direct_payment_on_due_date and not is_due_after_extract_date then due_date_in_year end)
            as first_direct_payment_due_date_in_year,
        min(case when is_due_after_extract_date then due_date_in_year end) as first_due_date_after_extract_date
    from adult_due_in_year
    group by collection_year, plan_id
),

any_due_in_year as (
    select distinct
        collection_year,
        plan_id
    from due_in_year
),

next_due as (
    select
        plan_years.collection_year,
        plan_years.plan_id,
        min(schedule.due_date) as next_due_date
    from plan_years
    inner join schedule
        on
            plan_years.plan_id = schedule.plan_id
            and plan_years.year_end_date < schedule.due_date
    group by plan_years.collection_year, plan_years.plan_id
),

candidates as (
    select
        plan_years.*,
        due_summary.first_due_date_in_year,
        due_summary.first_direct_payment_due_date_in_year,
        due_summary.first_due_date_after_extract_date,
        next_due.next_due_date,
        {{ age_at(
            'plan_years.date_of_birth',
            'coalesce(due_summary.first_due_date_in_year, due_summary.first_due_date_after_extract_date,'
            ~ ' case when plan_years.effective_end_date'
            ~ ' < plan_years.year_end_date then plan_years.effective_end_date else plan_years.year_end_date end)'
        ) }} as age_on_reference_date
    from plan_years
    left join due_summary
        on
            plan_years.collection_year = due_summary.collection_year
            and plan_years.plan_id = due_summary.plan_id
    left join any_due_in_year
        on
            plan_years.collection_year = any_due_in_year.collection_year
            and plan_years.plan_id = any_due_in_year.plan_id
    left join next_due
        on
            plan_years.collection_year = next_due.collection_year
            and plan_years.plan_id = next_due.plan_id
    where
        plan_years.date_of_birth is null
        or due_summary.first_due_date_in_year is not null
        or due_summary.first_due_date_after_extract_date is not null
        or (
            any_due_in_year.plan_id is null
            and {{ age_at(
                'plan_years.date_of_birth',
                'case when plan_years.effective_end_date < plan_years.year_end_date'
                ~ ' then plan_years.effective_end_date else plan_years.year_end_date end'
            ) }} >= 18
        )
),

plan_decisions as (
    select
        candidates.*,
        case
            when plan_exclusion_reason is not null then plan_exclusion_reason
            when first_due_date_in_year is null and first_due_date_after_extract_date is not null
                then
                    'review due after the extract date (' || cast({{ extract_date() }} as {{ dbt.type_string() }})
                    || '): due ' || cast(first_due_date_after_extract_date as {{ dbt.type_string() }})
            when first_due_date_in_year is null and start_date >= year_start_date and next_due_date is not null
                then
                    'plan started in the year and its first review is due after 31 March ('
                    || cast(next_due_date as {{ dbt.type_string() }}) || ')'
            when first_due_date_in_year is null and next_due_date is not null
                then 'no review due in the year: next review due ' || cast(next_due_date as {{ dbt.type_string() }})
            when first_due_date_in_year is null and effective_end_date is not null
                then
                    'plan ended (' || cast(effective_end_date as {{ dbt.type_string() }})
                    || ') before a review fell due in the year'
            when first_due_date_in_year is null then 'no review due in the year'
        end as ad_016_plan_reason
    from candidates
),

counted_reviews as (
    select
        plan_decisions.collection_year,
        plan_decisions.person_id,
        max(case when reviews.is_authorised then 1 else 0 end) as has_authorised_review,
        max(case when not reviews.is_authorised then 1 else 0 end) as has_unauthorised_review
    from plan_decisions
    inner join reviews
        on plan_decisions.plan_id = reviews.plan_id
    where
        plan_decisions.plan_exclusion_reason is null
        and reviews.review_type_code in ({{ quoted_list(var('adult_care_and_support_review_types')) }})
        and not reviews.is_recorded_in_error
        and (
            (
                reviews.is_authorised
                and reviews.{{ var('adult_review_counted_on') }}
                between plan_decisions.year_start_date and plan_decisions.year_end_date
            )
            or (
                not reviews.is_authorised
                and reviews.review_date between plan_decisions.year_start_date and plan_decisions.year_end_date
            )
        )
    group by plan_decisions.collection_year, plan_decisions.person_id
),

people as (
    select
        plan_decisions.collection_year,
        plan_decisions.person_id,
        min(case when plan_decisions.ad_016_plan_reason is null then plan_decisions.first_due_date_in_year end)
            as person_first_due_date_in_year,
        min(
            case
                when plan_decisions.ad_016_plan_reason is null
                    then plan_decisions.first_direct_payment_due_date_in_year
            end
        ) as person_first_direct_payment_due_date_in_year
    from plan_decisions
    group by plan_decisions.collection_year, plan_decisions.person_id
),

classified as (
    select
        plan_decisions.*,
        people.person_first_due_date_in_year,
        people.person_first_direct_payment_due_date_in_year,
        people.person_first_due_date_in_year is not null as is_in_ad_016,
        coalesce(counted_reviews.has_authorised_review = 1, false) as is_reviewed_in_year,
        coalesce(counted_reviews.has_unauthorised_review = 1, false) as has_unauthorised_review_in_year,
        row_number() over (
            partition by plan_decisions.collection_year, plan_decisions.person_id
            order by
                case when plan_decisions.ad_016_plan_reason is null then 0 else 1 end,
                plan_decisions.first_due_date_in_year,
                plan_decisions.plan_id
        ) = 1 as is_person_first_row
    from plan_decisions
    inner join people
        on
            plan_decisions.collection_year = people.collection_year
            and plan_decisions.person_id = people.person_id
    left join counted_reviews
        on
            plan_decisions.collection_year = counted_reviews.collection_year
            and plan_decisions.person_id = counted_reviews.person_id
),

with_reasons as (
    select
        classified.*,
        case
            when not is_in_ad_016 then 'not in AD/016'
            when not is_reviewed_in_year and has_unauthorised_review_in_year
                then 'review held in the year but not authorised (signed off) by a manager'
            when not is_reviewed_in_year then 'no authorised review of a care and support plan in the collection year'
        end as ad_017_exclusion_reason,
        case
            when not is_in_ad_016 then 'not in AD/016'
            when person_first_direct_payment_due_date_in_year is null
                then 'no direct payment in place on a review due date in the year'
        end as ad_018_exclusion_reason
    from classified
)

select
    collection_year,
    year_end_date,
    plan_id,
    person_id,
    plan_type_code,
    start_date,
    end_date,
    effective_end_date,
    age_on_reference_date,
    first_due_date_in_year,
    first_direct_payment_due_date_in_year,
    first_due_date_after_extract_date,
    next_due_date,
    person_first_due_date_in_year,
    person_first_direct_payment_due_date_in_year,
    is_reviewed_in_year,
    has_unauthorised_review_in_year,
    is_in_ad_016,
    is_person_first_row,
    source_reference,
    ad_016_plan_reason as ad_016_exclusion_reason,
    ad_017_exclusion_reason,
    ad_018_exclusion_reason,
    case
        when ad_018_exclusion_reason is not null then 'not in AD/018'
        else ad_017_exclusion_reason
    end as ad_019_exclusion_reason
from with_reasons
