{#
  Every review of a child's plan held in the configured collection years - child protection review
  conferences (cp_conference, type review) and reviews (review: looked-after, pathway,
  pre-adoption, care and support, SGO support and financial support, and young carers' support
  plans so that their exclusion shows) - with the decision for CH/019 (completed in the year) and
  CH/018 (completed in the year and within statutory timescales) and, where not counted, why.

  Interpretations (docs/interpretations.md):
  - Placed in the year by the date the review was held (review_date, conference_date: "the date of
    review falls in the collection year"); a review counts only when authorised (signed off) -
    conferences need no sign-off.
  - A child is under 18 on the review date, or unborn (pathway reviews: under var
    pathway_plan_age_limit).
  - Part: a = review conferences; b = looked-after, pathway and pre-adoption; c = care and support
    (including direct payment reviews); d = SGO support; e = SGO financial support.
  - A review whose outcome is a re-assessment replaced the planned review and is not counted
    (include 4); the reviews of the new plan are.
  - Within timescales (CH/018): the review met every occasion it was due for in time
    (int_child_reviews__occasions: on or before the due date computed from the statutory cycle;
    a care and support review that also reviewed a direct payment meets both cycles). A review
    that falls in no schedule (outside the registration, period of care or plan) cannot be timed
    and is not counted in CH/018.
#}
with

reviews as (
    select * from {{ ref('review') }}
),

conferences as (
    select * from {{ ref('cp_conference') }}
),

plans as (
    select * from {{ ref('int_child_plans__classified') }}
),

people as (
    select * from {{ ref('person') }}
),

registrations as (
    select * from {{ ref('int_cp_registrations__periods') }}
),

occasions as (
    select * from {{ ref('int_child_reviews__occasions') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

review_conferences as (
    select
        conferences.conference_id as review_id,
        'cp_review_conference' as item_type,
        conferences.person_id,
        cast(null as {{ dbt.type_string() }}) as plan_id,
        'child_protection' as review_type_code,
        'a' as part,
        conferences.conference_date as review_date,
        true as is_authorised,
        cast(null as {{ dbt.type_string() }}) as outcome_code,
        conferences.is_recorded_in_error,
        conferences.source_reference
    from conferences
    where conferences.conference_type_code = 'review'
),

plan_reviews as (
    select
        reviews.review_id,
        'review' as item_type,
        reviews.person_id,
        reviews.plan_id,
        reviews.review_type_code,
        case reviews.review_type_code
            when 'looked_after' then 'b'
            when 'pathway' then 'b'
            when 'pre_adoption' then 'b'
            when 'care_and_support' then 'c'
            when 'sgo_support' then 'd'
            when 'sgo_financial_support' then 'e'
        end as part,
        reviews.review_date,
        reviews.is_authorised,
        reviews.outcome_code,
        reviews.is_recorded_in_error,
        reviews.source_reference
    from reviews
),

all_reviews as (
    select * from review_conferences
    union all
    select * from plan_reviews
),

candidates as (
    select
        all_reviews.*,
        collection_years.collection_year,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'all_reviews.review_date') }} as age_on_review_date
    from all_reviews
    inner join collection_years
        on all_reviews.review_date between collection_years.start_date and collection_years.end_date
    inner join people
        on all_reviews.person_id = people.person_id
    where
        {{ age_on('people', 'all_reviews.review_date') }} is null
        or {{ age_on('people', 'all_reviews.review_date') }} < 18
        or (
            all_reviews.review_type_code = 'pathway'
            and {{ age_on('people', 'all_reviews.review_date') }} < {{ var('pathway_plan_age_limit') }}
        )
),

temporary_registrations as (
    select distinct candidates.review_id
    from candidates
    inner join registrations
        on
            candidates.person_id = registrations.person_id
            and candidates.review_date > registrations.registration_date
            and (registrations.end_date is null or candidates.review_date <= registrations.end_date)
    where
        candidates.item_type = 'cp_review_conference'
        and registrations.is_temporary
),

timeliness as (
    select
        met_by_review_id as review_id,
        count(*) as occasions_met,
        min(case when is_met_in_time then 1 else 0 end) = 1 as is_in_time,
        min(cycle_due_date) as due_date
    from occasions
    where met_by_review_id is not null
    group by met_by_review_id
),

classified as (
    select
        candidates.*,
        timeliness.occasions_met,
        timeliness.due_date,
        coalesce(timeliness.is_in_time, false) as is_in_time,
        case
            when candidates.is_recorded_in_error then 'review recorded in error'
            when candidates.is_person_recorded_in_error then 'person record created in error'
            when candidates.date_of_birth is null and candidates.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when candidates.review_type_code = 'carer_support'
                then 'review of a young carer''s support plan: counted by CA/018-CA/020'
            when plans.review_exclusion_reason is not null then plans.review_exclusion_reason
            when temporary_registrations.review_id is not null
                then 'temporary registration of a child from another local authority: reviewed by the home authority'
            when not candidates.is_authorised then 'review not authorised (signed off) by a manager: not complete'
            when candidates.outcome_code = 'reassessment'
                then 'a re-assessment replaced this planned review: the new plan''s reviews are counted'
        end as ch_019_exclusion_reason
    from candidates
    left join plans
        on candidates.plan_id = plans.plan_id
    left join temporary_registrations
        on candidates.review_id = temporary_registrations.review_id
    left join timeliness
        on candidates.review_id = timeliness.review_id
)

select
    review_id,
    item_type,
    person_id,
    plan_id,
    review_type_code,
    part,
    collection_year,
    review_date,
    age_on_review_date,
    is_authorised,
    outcome_code,
    occasions_met,
    due_date,
    is_in_time,
    source_reference,
    ch_019_exclusion_reason,
    ch_019_exclusion_reason is null as is_in_ch_019,
    case
        when ch_019_exclusion_reason is not null then 'not in CH/019'
        when occasions_met is null
            then
                'no statutory review cycle for this review (held outside the registration, period of care or plan'
                || ' dates): cannot be timed'
        when not is_in_time
            then
                'held after it was due (due by ' || cast(due_date as {{ dbt.type_string() }})
                || ', held ' || cast(review_date as {{ dbt.type_string() }}) || ')'
    end as ch_018_exclusion_reason,
    ch_019_exclusion_reason is null and is_in_time as is_in_ch_018
from classified
