{#
  Lifetimes of the plans that mean a person is "receiving care and support": care and support
  plans, including child protection, looked-after care and pathway plans (var
  care_and_support_plan_types), not refused. Carers’ support plans are not care and support: a young carer
  with a support plan who contacts the service about their own needs is still a new contact
  (CH/001 include 7).

  A person is receiving care and support on date D when one of these plans has
  start_date <= D and (end_date is null or end_date >= D): a plan is open on the day it starts and
  on the day it ends.
#}
with

plans as (
    select * from {{ ref('plan') }}
),

people as (
    select * from {{ ref('person') }}
)

select
    plans.plan_id,
    plans.person_id,
    plans.plan_type_code,
    plans.start_date,
    plans.end_date
from plans
inner join people
    on plans.person_id = people.person_id
where
    not plans.is_recorded_in_error
    and not plans.is_refused
    and not people.is_recorded_in_error
    and plans.plan_type_code in ({{ quoted_list(var('care_and_support_plan_types')) }})
