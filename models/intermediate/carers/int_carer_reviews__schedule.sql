{#
  CA/009-CA/010 and CA/018-CA/020: the review due dates of every counted carer's or young carer's
  support plan, one row per plan, review cycle and due date, each with the authorised review that met
  it (null while outstanding). The schedule is the adults' one (macro plan_review_schedule, shared
  with int_adult_reviews__schedule), parameterised by who the carer is on each anchor date (the plan's
  start, the first direct payment, the last review):
  - an adult carer (18 or over): first review var adult_carer_review_cycle_months (12) months after
    the plan started, then 12 months after each authorised review; with a direct payment, 6 months
    after the first payment, then 12 months after each direct-payment review (CA/009 include 2);
  - a young carer (under 18): 6 months and 6 months (var young_carer_review_cycle_months); with a
    direct payment 6 months after the first payment and every 6 months (CA/019 include 2).
  So a young carer's support plan reviewed at 17 is next due 6 months later; one reviewed on or after
  the 18th birthday, 12 months later (macro review_gap_months).

  Counted plans: national type carer_support, not refused, not recorded in error (plan or person),
  not drawn up by a signposted third party (CA/009 exclude 5, CA/018 exclude 4). Reviews of a single
  integrated care and support plan are care and support reviews (AD/016-AD/019, CH/017-CH/019; CA/009
  exclude 1, CA/018 exclude 1). Reviews: var carer_support_review_types, authorised. A direct payment:
  the plan flagged has_direct_payment, from its first payment (the plan's start when not recorded).
  The plan's effective end is the earlier of its end date and the person's death.
#}
with

plan_rows as (
    select * from {{ ref('plan') }}
),

people as (
    select * from {{ ref('person') }}
),

reviews as (
    select * from {{ ref('review') }}
),

plans as (
    select
        plan_rows.plan_id,
        plan_rows.person_id,
        plan_rows.start_date,
        case
            when
                people.date_of_death is not null
                and (plan_rows.end_date is null or people.date_of_death < plan_rows.end_date)
                then people.date_of_death
            else plan_rows.end_date
        end as effective_end_date,
        people.date_of_birth,
        plan_rows.has_direct_payment,
        plan_rows.direct_payment_first_payment_date,
        plan_rows.source_reference
    from plan_rows
    inner join people
        on plan_rows.person_id = people.person_id
    where
        plan_rows.plan_type_code = 'carer_support'
        and not plan_rows.is_refused
        and not plan_rows.is_recorded_in_error
        and not plan_rows.is_commissioned_third_party_plan
        and not people.is_recorded_in_error
),

direct_payment_periods as (
    select
        plan_id,
        coalesce(direct_payment_first_payment_date, start_date) as start_date,
        effective_end_date as end_date
    from plans
    where has_direct_payment
),

{{ plan_review_schedule(
    plans='plans',
    reviews='reviews',
    direct_payment_periods='direct_payment_periods',
    review_types=var('carer_support_review_types'),
    plan_cycle='support_plan',
    months={
        'plan': var('adult_carer_review_cycle_months'),
        'direct_payment_first': var('adult_carer_direct_payment_first_review_months'),
        'direct_payment': var('adult_carer_direct_payment_review_cycle_months'),
    },
    young={
        'plan': var('young_carer_review_cycle_months'),
        'direct_payment_first': var('young_carer_direct_payment_first_review_months'),
        'direct_payment': var('young_carer_direct_payment_review_cycle_months'),
    },
    capped_at_statutory=var('adult_review_due_date_capped_at_statutory'),
) }}
