{#
  The review due dates of a set of plans, written once for the adults' care and support plans
  (AD/016-AD/019, int_adult_reviews__schedule) and the carers' support plans (CA/009-CA/010,
  CA/018-CA/020, int_carer_reviews__schedule): one row per plan, review cycle and due date, each with
  the authorised review that met it (null while outstanding). A CTE list: the caller's `with` names
  the relations and is followed by {{ plan_review_schedule(...) }}.

    plans                  counted plans: plan_id, person_id, start_date, effective_end_date,
                           source_reference (and date_of_birth when `young` is given)
    reviews                the canonical reviews
    direct_payment_periods direct payments: plan_id, start_date (first payment), end_date
    review_types           national review types that review these plans
    plan_cycle             name of the plan's own cycle ('care_and_support', 'support_plan')
    months                 {'plan': m, 'direct_payment_first': m, 'direct_payment': m}
    young                  none, or months as above for a person under 18 on the anchor date (the
                           plan's start, the first payment or the last review): the next due date
                           follows the young person's cycle; from the 18th birthday the adult's
    capped_at_statutory    a recorded planned date later than the statutory one is replaced by it

  Two cycles: the plan's own (first review `plan` months after the plan started, each later one
  that many months after the previous authorised review) and, for plans with a direct payment, the
  direct-payment cycle (`direct_payment_first` months after the first payment, then `direct_payment`
  months after each authorised direct-payment review, while the direct payment lasts). Each
  authorised review meets the due date that follows the previous one (or the cycle's start), whenever
  it was held, and starts the next interval. A review's recorded planned date (reviews.due_date) is
  the due date it meets when recorded, unless capped. The last due date of each cycle is outstanding
  (met_by_review_date null). Reviews counted: of review_types, authorised, not recorded in error,
  held on or after the plan's start. Due dates after the cycle's end are dropped.
#}
{% macro plan_review_schedule(plans, reviews, direct_payment_periods, review_types, plan_cycle, months, young=none, capped_at_statutory=true) %}
{%- set young_months = young if young else months %}
{%- set date_of_birth = 'plans.date_of_birth' if young else 'cast(null as date)' %}
plan_direct_payments as (
    select
        plan_id,
        min(start_date) as first_payment_date,
        case when count(*) = count(end_date) then max(end_date) end as last_payment_date
    from {{ direct_payment_periods }}
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
    from {{ reviews }} as reviews
    inner join {{ plans }} as plans
        on reviews.plan_id = plans.plan_id
    where
        reviews.review_type_code in ({{ quoted_list(review_types) }})
        and reviews.is_authorised
        and not reviews.is_recorded_in_error
        and reviews.review_date >= plans.start_date
),

cycles as (
    select
        plans.plan_id,
        plans.person_id,
        '{{ plan_cycle }}' as review_cycle,
        plans.start_date as cycle_start_date,
        {{ months.plan }} as first_gap_months,
        {{ months.plan }} as gap_months,
        {{ young_months.plan }} as young_first_gap_months,
        {{ young_months.plan }} as young_gap_months,
        {{ date_of_birth }} as date_of_birth,
        plans.effective_end_date as cycle_end_date,
        plans.source_reference
    from {{ plans }} as plans
    union all
    select
        plans.plan_id,
        plans.person_id,
        'direct_payment' as review_cycle,
        plan_direct_payments.first_payment_date as cycle_start_date,
        {{ months.direct_payment_first }} as first_gap_months,
        {{ months.direct_payment }} as gap_months,
        {{ young_months.direct_payment_first }} as young_first_gap_months,
        {{ young_months.direct_payment }} as young_gap_months,
        {{ date_of_birth }} as date_of_birth,
        case
            when plan_direct_payments.last_payment_date is null then plans.effective_end_date
            when plans.effective_end_date is null then plan_direct_payments.last_payment_date
            when plan_direct_payments.last_payment_date < plans.effective_end_date
                then plan_direct_payments.last_payment_date
            else plans.effective_end_date
        end as cycle_end_date,
        plans.source_reference
    from {{ plans }} as plans
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
            and (cycles.review_cycle = '{{ plan_cycle }}' or qualifying_reviews.is_direct_payment_review)
),

anchors as (
    select
        plan_id,
        review_cycle,
        0 as review_number,
        cycle_start_date as anchor_date,
        {{ review_gap_months('cycle_start_date', 'date_of_birth', 'first_gap_months', 'young_first_gap_months', young) }}
            as next_gap_months
    from cycles
    union all
    select
        cycle_reviews.plan_id,
        cycle_reviews.review_cycle,
        cycle_reviews.review_number,
        cycle_reviews.review_date as anchor_date,
        {{ review_gap_months('cycle_reviews.review_date', 'cycles.date_of_birth', 'cycles.gap_months',
            'cycles.young_gap_months', young) }} as next_gap_months
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
            {%- if capped_at_statutory %}
                when due_dates.recorded_due_date > due_dates.statutory_due_date then due_dates.statutory_due_date
            {%- endif %}
            else due_dates.recorded_due_date
        end as due_date,
        case
            when due_dates.recorded_due_date is null then 'statutory'
            {%- if capped_at_statutory %}
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
{% endmacro %}

{#- The months to the next due date from an anchor: the young person’s cycle while under 18 on the anchor date. -#}
{% macro review_gap_months(anchor_date, date_of_birth, months, young_months, young) -%}
    {%- if young -%}
        case when {{ age_at(date_of_birth, anchor_date) }} < 18 then {{ young_months }} else {{ months }} end
    {%- else -%}
        {{ months }}
    {%- endif -%}
{%- endmacro %}
