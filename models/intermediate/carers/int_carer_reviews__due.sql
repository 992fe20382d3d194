{#
  CA/009-CA/010 and CA/018-CA/020: one row per review due date of a counted carer's support plan
  (int_carer_reviews__schedule) that falls in a configured collection year, with the carer group on
  the due date (macro carer_group: adult -> CA/009-CA/010, young -> CA/018-CA/020) and the decisions.

  Interpretations (docs/interpretations.md):
  - Due in the year: a due date from 1 April to 31 March (CA/009 "whose date of review falls in the
    collection year"; an overdue review is not carried into the next year). On an in-year run (var
    extract_date) a due date after the extract date is not yet due.
  - CA/009 and CA/010 count plans: a plan with at least one due date in the year (the earliest is the
    item's date); CA/010: of those, plans with at least one authorised support-plan review held in the
    year (review_date), before or after the due date (include 1 "regardless of whether the review was
    completed within statutory timescales").
  - CA/018-CA/020 count reviews due (occasions): every due date in the year, of both cycles (plan and
    direct payment). CA/020: met by an authorised review held on or before 31 March of the year;
    CA/019: met by an authorised review held on or before the due date (on the due date is in time).
    So CA/019 is within CA/020, which is within CA/018 (tested on the items).
#}
with

schedule as (
    select * from {{ ref('int_carer_reviews__schedule') }}
),

people as (
    select * from {{ ref('person') }}
),

reviews as (
    select * from {{ ref('review') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

due as (
    select
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        schedule.plan_id,
        schedule.person_id,
        schedule.review_cycle,
        schedule.anchor_number,
        schedule.due_date,
        schedule.due_date_basis,
        schedule.met_by_review_id,
        schedule.met_by_review_date,
        {{ age_on('people', 'schedule.due_date') }} as age_on_due_date,
        schedule.source_reference
    from schedule
    inner join collection_years
        on schedule.due_date between collection_years.start_date and collection_years.end_date
    inner join people
        on schedule.person_id = people.person_id
    where schedule.due_date <= coalesce({{ extract_date() }}, schedule.due_date)
),

plan_reviews_in_year as (
    select
        due.collection_year,
        due.plan_id,
        min(reviews.review_id) as review_in_year_id,
        max(case when reviews.is_authorised then 1 else 0 end) = 1 as has_authorised_review_in_year
    from due
    inner join reviews
        on
            due.plan_id = reviews.plan_id
            and reviews.review_date between due.year_start_date and due.year_end_date
    where
        reviews.review_type_code in ({{ quoted_list(var('carer_support_review_types')) }})
        and not reviews.is_recorded_in_error
    group by due.collection_year, due.plan_id
),

classified as (
    select
        due.*,
        {{ carer_group('due.age_on_due_date') }} as carer_group,
        coalesce(plan_reviews_in_year.has_authorised_review_in_year, false) as is_plan_reviewed_in_year,
        plan_reviews_in_year.review_in_year_id is not null as has_review_in_year,
        row_number() over (
            partition by due.collection_year, due.plan_id, {{ carer_group('due.age_on_due_date') }}
            order by due.due_date, due.review_cycle, due.anchor_number
        ) = 1 as is_plan_first_due_row_of_group
    from due
    left join plan_reviews_in_year
        on
            due.collection_year = plan_reviews_in_year.collection_year
            and due.plan_id = plan_reviews_in_year.plan_id
)

select
    collection_year,
    year_end_date,
    plan_id || ':' || review_cycle || ':' || cast(anchor_number as {{ dbt.type_string() }}) as due_review_id,
    plan_id,
    person_id,
    review_cycle,
    anchor_number,
    due_date,
    due_date_basis,
    age_on_due_date,
    carer_group,
    met_by_review_id,
    met_by_review_date,
    is_plan_reviewed_in_year,
    is_plan_first_due_row_of_group,
    source_reference,
    case when age_on_due_date is null then 'no date of birth: cannot tell an adult from a young carer' end
        as due_exclusion_reason,
    case
        when age_on_due_date is null then 'not in CA/009'
        when not is_plan_reviewed_in_year and has_review_in_year
            then 'support plan review held in the year but not authorised (signed off) by a manager'
        when not is_plan_reviewed_in_year then 'no authorised review of the support plan in the collection year'
    end as ca_010_exclusion_reason,
    case
        when age_on_due_date is null then 'not in CA/018'
        when met_by_review_date is null then 'not reviewed: no authorised review met this due date'
        when met_by_review_date > year_end_date
            then
                'reviewed after the end of the collection year ('
                || cast(met_by_review_date as {{ dbt.type_string() }})
                || ')'
    end as ca_020_exclusion_reason,
    case
        when age_on_due_date is null then 'not in CA/018'
        when met_by_review_date is null then 'not reviewed: no authorised review met this due date'
        when met_by_review_date > due_date
            then 'reviewed late (' || cast(met_by_review_date as {{ dbt.type_string() }}) || '), after the due date'
    end as ca_019_exclusion_reason
from classified
