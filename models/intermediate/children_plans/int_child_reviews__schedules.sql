{#
  The statutory review schedules of children's plans (CH/017-CH/019), one row per schedule: what is
  reviewed, from when, until when, and the cycle. Occasions (int_child_reviews__occasions) follow
  from a schedule's start and the reviews held.

    part  schedule_type          one per                         first review due (rule)               then
    a     child_protection       registration period             3 months after the registering        6 months after the
                                 (int_cp_registrations__periods) conference (d)                        previous review (e)
    b     looked_after           period of care                  20 working days after becoming        3 months after the
                                 (int_lac_episodes__care_periods) looked after (f)                     first, then 6 (g-h)
    b     pathway                pathway plan                    3 or 6 months after the plan starts   3 or 6 months (j-k)
    c     care_and_support       care and support plan           6 months after it starts (a)          6 months (b)
    c     direct_payment         plan with a direct payment      6 months after the first payment (c)  12 months (para 142)
    d     sgo_support            SGO support plan                12 months after it starts (m; var     12 months (m)
                                                                 sgo_support_annual_review, else none)
    e     sgo_financial_support  SGO plan with financial support 12 months after it starts (m)         12 months (m)

  Month counts and the 20 working days are vars (dbt_project.yml). A period of care starting before
  the working-day calendar (2015) has no first due date: its first review cannot be timed, the
  later ones can. The pathway interval is the
  care_leavers pathway_review_interval_months on the date (the occasions model applies it), the
  default var pathway_review_default_interval_months otherwise. An SGO plan has financial support
  (part e) when at least one SGO financial support review of it is recorded: the extract has no
  other evidence of financial support. A plan with a direct payment but no first payment date has
  no direct payment schedule (its plan schedule still runs).
  exclusion_reason: why the schedule's occasions are not counted (plan refused, in error, a third
  party's, a TAF/OT-only plan; temporary registrations, reviewed by the home authority).
#}
{%- set sgo_support_first_due_date = (
    add_months('start_date', var('sgo_review_interval_months'))
    if var('sgo_support_annual_review') else 'cast(null as date)'
) %}

with

plans as (
    select * from {{ ref('int_child_plans__classified') }}
),

registrations as (
    select * from {{ ref('int_cp_registrations__periods') }}
),

care_periods as (
    select * from {{ ref('int_lac_episodes__care_periods') }}
),

reviews as (
    select * from {{ ref('review') }}
),

working_days as (
    select * from {{ ref('working_days') }}
),

financial_support_plans as (
    select distinct plan_id
    from reviews
    where
        review_type_code = 'sgo_financial_support'
        and not is_recorded_in_error
),

child_protection as (
    select
        'cp:' || registrations.registration_id as schedule_id,
        'a' as part,
        'child_protection' as schedule_type,
        registrations.person_id,
        cast(null as {{ dbt.type_string() }}) as plan_id,
        registrations.registration_id,
        cast(null as {{ dbt.type_string() }}) as care_period_id,
        registrations.registration_date as start_date,
        registrations.end_date,
        {{ add_months('registrations.registration_date', var('cp_first_review_months')) }} as first_due_date,
        {{ var('cp_review_interval_months') }} as interval_after_first_review_months,
        {{ var('cp_review_interval_months') }} as interval_months,
        case
            when registrations.is_temporary
                then 'temporary registration of a child from another local authority: reviewed by the home authority'
        end as exclusion_reason,
        registrations.source_reference
    from registrations
),

looked_after as (
    select
        'lac:' || care_periods.care_period_id as schedule_id,
        'b' as part,
        'looked_after' as schedule_type,
        care_periods.person_id,
        cast(null as {{ dbt.type_string() }}) as plan_id,
        cast(null as {{ dbt.type_string() }}) as registration_id,
        care_periods.care_period_id,
        care_periods.start_date,
        care_periods.end_date,
        first_review_day.calendar_date as first_due_date,
        {{ var('looked_after_second_review_months') }} as interval_after_first_review_months,
        {{ var('looked_after_review_interval_months') }} as interval_months,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason,
        care_periods.source_reference
    from care_periods
    left join working_days as start_day
        on care_periods.start_date = start_day.calendar_date
    left join working_days as first_review_day
        on
            first_review_day.working_day_number
            = start_day.working_day_number + {{ var('looked_after_first_review_working_days') }}
            and first_review_day.is_working_day
),

plan_schedules as (
    select
        plans.*,
        case plans.plan_type_code
            when 'pathway' then 'pathway'
            when 'care_and_support' then 'care_and_support'
            when 'sgo_support' then 'sgo_support'
        end as schedule_type
    from plans
    where plans.plan_type_code in ('pathway', 'care_and_support', 'sgo_support')
),

plan_based as (
    select
        schedule_type || ':' || plan_id as schedule_id,
        case schedule_type when 'pathway' then 'b' when 'care_and_support' then 'c' else 'd' end as part,
        schedule_type,
        person_id,
        plan_id,
        cast(null as {{ dbt.type_string() }}) as registration_id,
        cast(null as {{ dbt.type_string() }}) as care_period_id,
        start_date,
        end_date,
        case schedule_type
            when 'pathway' then {{ add_months('start_date', var('pathway_review_default_interval_months')) }}
            when 'care_and_support' then {{ add_months('start_date', var('child_plan_review_interval_months')) }}
            else {{ sgo_support_first_due_date }}
        end as first_due_date,
        case schedule_type
            when 'pathway' then {{ var('pathway_review_default_interval_months') }}
            when 'care_and_support' then {{ var('child_plan_review_interval_months') }}
            else {{ var('sgo_review_interval_months') }}
        end as interval_after_first_review_months,
        case schedule_type
            when 'pathway' then {{ var('pathway_review_default_interval_months') }}
            when 'care_and_support' then {{ var('child_plan_review_interval_months') }}
            else {{ var('sgo_review_interval_months') }}
        end as interval_months,
        review_exclusion_reason as exclusion_reason,
        source_reference
    from plan_schedules
),

direct_payment as (
    select
        'direct_payment:' || plan_id as schedule_id,
        'c' as part,
        'direct_payment' as schedule_type,
        person_id,
        plan_id,
        cast(null as {{ dbt.type_string() }}) as registration_id,
        cast(null as {{ dbt.type_string() }}) as care_period_id,
        direct_payment_first_payment_date as start_date,
        end_date,
        {{ add_months('direct_payment_first_payment_date', var('direct_payment_first_review_months')) }}
            as first_due_date,
        {{ var('direct_payment_review_interval_months') }} as interval_after_first_review_months,
        {{ var('direct_payment_review_interval_months') }} as interval_months,
        review_exclusion_reason as exclusion_reason,
        source_reference
    from plans
    where
        has_direct_payment
        and direct_payment_first_payment_date is not null
        and plan_type_code in ({{ quoted_list(var('care_and_support_plan_types')) }})
),

sgo_financial_support as (
    select
        'sgo_financial_support:' || plans.plan_id as schedule_id,
        'e' as part,
        'sgo_financial_support' as schedule_type,
        plans.person_id,
        plans.plan_id,
        cast(null as {{ dbt.type_string() }}) as registration_id,
        cast(null as {{ dbt.type_string() }}) as care_period_id,
        plans.start_date,
        plans.end_date,
        {{ add_months('plans.start_date', var('sgo_review_interval_months')) }} as first_due_date,
        {{ var('sgo_review_interval_months') }} as interval_after_first_review_months,
        {{ var('sgo_review_interval_months') }} as interval_months,
        plans.review_exclusion_reason as exclusion_reason,
        plans.source_reference
    from plans
    inner join financial_support_plans
        on plans.plan_id = financial_support_plans.plan_id
    where plans.plan_type_code = 'sgo_support'
),

schedules as (
    select * from child_protection
    union all
    select * from looked_after
    union all
    select * from plan_based
    union all
    select * from direct_payment
    union all
    select * from sgo_financial_support
)

select
    schedule_id,
    part,
    schedule_type,
    person_id,
    plan_id,
    registration_id,
    care_period_id,
    start_date,
    end_date,
    first_due_date,
    {% if var('sgo_support_annual_review') -%}
        true
    {%- else -%}
        schedule_type <> 'sgo_support'
    {%- endif %} as has_review_cycle,
    interval_after_first_review_months,
    interval_months,
    exclusion_reason,
    source_reference
from schedules
