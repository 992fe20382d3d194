{#
  AD/016-AD/019: the review due dates of every counted adult care and support plan (a candidate plan
  with no plan-level exclusion, int_adult_plans__candidates), one row per plan, review cycle and due
  date, each with the authorised review that met it (null while outstanding).

  Two cycles (docs/interpretations.md):
  - care_and_support: the first review is due var adult_review_cycle_months (12) months after the plan
    started, each later one that many months after the previous authorised review (Part 4 Code para. 88:
    the date of review must not exceed 12 months);
  - direct_payment, for plans with a direct payment (int_adult_plans__direct_payment_periods linked to
    the plan): due var adult_direct_payment_first_review_months (6) months after the first payment, then
    var adult_direct_payment_review_cycle_months (12) months after each authorised direct-payment review
    (is_direct_payment_review; Part 4 Code para. 142), while the direct payment lasts.
  Each authorised review meets the due date that follows the previous one (or the cycle's start),
  whenever it was held (early, on time or late), and starts the next interval. A review's recorded planned
  date (reviews.due_date) is the due date it meets when recorded, unless it is later than the statutory
  date and var adult_review_due_date_capped_at_statutory is true. The last due date of each cycle is
  outstanding (met_by_review_date null); a due date stays due until the review that meets it (the
  classified model carries an overdue review into later years).
  Reviews counted: types in var adult_care_and_support_review_types, authorised, not recorded in error,
  held on or after the plan's start. Due dates after the plan's effective end are dropped.
#}
with

plans as (
    select * from {{ ref('int_adult_plans__candidates') }}
    where plan_exclusion_reason is null
),

reviews as (
    select * from {{ ref('review') }}
),

direct_payment_periods as (
    select * from {{ ref('int_adult_plans__direct_payment_periods') }}
),

plan_direct_payments as (
    select
        plan_id,
        min(start_date) as first_payment_date,
        case when count(*) = count(end_date) then max(end_date) end as last_payment_date
    from direct_payment_periods
    where plan_id is not null
    group by plan_id
),

qualifying_reviews as (
    select
        reviews.review_id,
        reviews.plan_id,
        reviews.due_date as recorded_due_date,
        reviews.review_date,
        reviews.is_direct_payment_review,
        reviews.source_reference
    from reviews
    inner join plans
        on reviews.plan_id = plans.plan_id
    where
        reviews.review_type_code in ({{ quoted_list(var('adult_care_and_support_review_types')) }})
        and reviews.is_authorised
        and not reviews.is_recorded_in_error
        and reviews.review_date >= plans.start_date
),

cycles as (
    select
        plans.plan_id,
        plans.person_id,
        'care_and_support' as review_cycle,
        plans.start_date as cycle_start_date,
        {{ var('adult_review_cycle_months') }} as first_gap_months,
        {{ var('adult_review_cycle_months') }} as gap_months,
        plans.effective_end_date as cycle_end_date,
        plans.source_reference
    from plans
    union all
    select
        plans.plan_id,
        plans.person_id,
        'direct_payment' as review_cycle,
        plan_direct_payments.first_payment_date as cycle_start_date,
        {{ var('adult_direct_payment_first_review_months') }} as first_gap_months,
        {{ var('adult_direct_payment_review_cycle_months') }} as gap_months,
        case
            when plan_direct_payments.last_payment_date is null then plans.effective_end_date
            when plans.effective_end_date is null then plan_direct_payments.last_payment_date
            when plan_direct_payments.last_payment_date < plans.effective_end_date
                then plan_direct_payments.last_payment_date
            else plans.effective_end_date
        end as cycle_end_date,
        plans.source_reference
    from plans
    inner join plan_direct_payments
        on plans.plan_id = plan_direct_payments.plan_id
),

cycle_reviews as (
    select
        cycles.plan_id,
        cycles.review_cycle,
        qualifying_reviews.review_id,
        qualifying_reviews.recorded_due_date,
        qualifying_reviews.review_date,
        qualifying_reviews.source_reference,
        row_number() over (
            partition by cycles.plan_id, cycles.review_cycle
            order by qualifying_reviews.review_date, qualifying_reviews.review_id
        ) as review_number
    from cycles
    inner join qualifying_reviews
        on
            cycles.plan_id = qualifying_reviews.plan_id
            and cycles.cycle_start_date <= qualifying_reviews.review_date
            and (cycles.review_cycle = 'care_and_support' or qualifying_reviews.is_direct_payment_review)
),

anchors as (
    select
        plan_id,
        review_cycle,
        0 as review_number,
        cycle_start_date as anchor_date,
        first_gap_months as next_gap_months
    from cycles
    union all
    select
        cycle_reviews.plan_id,
        cycle_reviews.review_cycle,
        cycle_reviews.review_number,
        cycle_reviews.review_date as anchor_date,
        cycles.gap_months as next_gap_months
    from cycle_reviews
    inner join cycles
        on
            cycle_reviews.plan_id = cycles.plan_id
            and cycle_reviews.review_cycle = cycles.review_cycle
),

next_anchors as (
    select
        anchors.plan_id,
        anchors.review_cycle,
        anchors.review_number,
        anchors.anchor_date,
        anchors.next_gap_months,
        cycle_reviews.review_id as next_review_id,
        cycle_reviews.review_date as next_review_date,
        cycle_reviews.recorded_due_date as next_recorded_due_date,
        cycle_reviews.source_reference as next_review_source_reference
    from anchors
    left join cycle_reviews
        on
            anchors.plan_id = cycle_reviews.plan_id
            and anchors.review_cycle = cycle_reviews.review_cycle
            and anchors.review_number + 1 = cycle_reviews.review_number
),

due_dates as (
    select
        next_anchors.plan_id,
        next_anchors.review_cycle,
        next_anchors.review_number as anchor_number,
        {{ add_months('next_anchors.anchor_date', 'next_anchors.next_gap_months') }} as statutory_due_date,
        next_anchors.next_recorded_due_date as recorded_due_date,
        next_anchors.next_review_id as review_id,
        next_anchors.next_review_date as review_date,
        coalesce(next_anchors.next_review_source_reference, cycles.source_reference) as source_reference
    from next_anchors
    inner join cycles
        on
            next_anchors.plan_id = cycles.plan_id
            and next_anchors.review_cycle = cycles.review_cycle
),

chosen as (
    select
        due_dates.*,
        case
            when due_dates.recorded_due_date is null then due_dates.statutory_due_date
            {%- if var('adult_review_due_date_capped_at_statutory') %}
                when due_dates.recorded_due_date > due_dates.statutory_due_date then due_dates.statutory_due_date
            {%- endif %}
            else due_dates.recorded_due_date
        end as due_date,
        case
            when due_dates.recorded_due_date is null then 'statutory'
            {%- if var('adult_review_due_date_capped_at_statutory') %}
                when due_dates.recorded_due_date > due_dates.statutory_due_date
                    then 'statutory (recorded date later than the statutory maximum)'
            {%- endif %}
            else 'recorded'
        end as due_date_basis
    from due_dates
)

select
    chosen.plan_id,
    cycles.person_id,
    chosen.review_cycle,
    chosen.anchor_number,
    chosen.due_date,
    chosen.due_date_basis,
    chosen.statutory_due_date,
    chosen.recorded_due_date,
    chosen.review_id as met_by_review_id,
    chosen.review_date as met_by_review_date,
    chosen.source_reference
from chosen
inner join cycles
    on
        chosen.plan_id = cycles.plan_id
        and chosen.review_cycle = cycles.review_cycle
where
    cycles.cycle_end_date is null
    or chosen.due_date <= cycles.cycle_end_date
