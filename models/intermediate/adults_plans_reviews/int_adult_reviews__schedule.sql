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

{{ plan_review_schedule(
    plans='plans',
    reviews='reviews',
    direct_payment_periods='direct_payment_periods',
    review_types=var('adult_care_and_support_review_types'),
    plan_cycle='care_and_support',
    months={
        'plan': var('adult_review_cycle_months'),
        'direct_payment_first': var('adult_direct_payment_first_review_months'),
        'direct_payment': var('adult_direct_payment_review_cycle_months'),
    },
    capped_at_statutory=var('adult_review_due_date_capped_at_statutory'),
) }}
