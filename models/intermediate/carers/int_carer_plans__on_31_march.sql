{#
  CA/008 and CA/017: one row per collection year and plan that could meet a carer’s needs - a carer’s
  or young carer’s support plan, or a care and support plan flagged includes_needs_as_carer (a single
  integrated plan) - open on 31 March of that year (start date <= 31 March, no end date or an end
  date >= 31 March), with the carer group on 31 March (macro carer_group: adult -> CA/008, young ->
  CA/017), the decision for the plan and, repeated on every row of the person, the decisions for
  the carer (the measures count carers, not plans).

  Interpretations (docs/interpretations.md):
  - Part a: carers with a counted support plan meeting their needs as a carer on 31 March: a
    carer’s support plan or an integrated plan. Part b: those of them who also have their own care
    and support needs met by a plan open that day - the integrated plan itself, or a care and support
    plan (int_plans__care_and_support_lifetimes for a young carer, int_adult_plans__care_and_support_lifetimes
    for an adult carer). So b is within a (the measure name: "a carer’s support plan ... and also a
    care and support plan"), and an integrated plan puts the carer in both (the body: "include the
    individual under part b").
  - A plan counts when it is not refused, not recorded in error (plan or person), not drawn up by a
    signposted third party (exclude 5) and the person had not died before 31 March.
  - A young carer turning 18 on 31 March is an adult carer that day (CA/008).
#}
with

plans as (
    select * from {{ ref('plan') }}
),

people as (
    select * from {{ ref('person') }}
),

child_care_and_support_plans as (
    select * from {{ ref('int_plans__care_and_support_lifetimes') }}
),

adult_care_and_support_plans as (
    select * from {{ ref('int_adult_plans__care_and_support_lifetimes') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

open_plans as (
    select
        collection_years.collection_year,
        collection_years.end_date as snapshot_date,
        plans.plan_id,
        plans.person_id,
        plans.plan_type_code,
        plans.plan_type_code <> 'carer_support' as is_integrated_plan,
        plans.start_date,
        plans.end_date,
        plans.has_direct_payment,
        plans.is_refused,
        plans.is_commissioned_third_party_plan,
        plans.is_recorded_in_error,
        people.is_recorded_in_error as is_person_recorded_in_error,
        people.date_of_death,
        {{ age_on('people', 'collection_years.end_date') }} as age_on_snapshot,
        plans.source_reference
    from plans
    inner join people
        on plans.person_id = people.person_id
    inner join collection_years
        on {{ is_open_on('plans', 'collection_years.end_date') }}
    where
        plans.plan_type_code = 'carer_support'
        or (
            plans.plan_type_code in ({{ quoted_list(var('care_and_support_plan_types')) }})
            and plans.includes_needs_as_carer
        )
),

classified_plans as (
    select
        open_plans.*,
        {{ carer_group('open_plans.age_on_snapshot') }} as carer_group,
        case
            when is_recorded_in_error then 'plan recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when age_on_snapshot is null then 'no date of birth: cannot tell an adult from a young carer'
            when is_refused then 'support plan refused'
            when is_commissioned_third_party_plan
                then 'plan drawn up by a commissioned or third-party organisation after signposting'
            when date_of_death < snapshot_date
                then
                    'person died before 31 March (' || cast(date_of_death as {{ dbt.type_string() }})
                    || ') but the plan was not closed'
        end as plan_exclusion_reason
    from open_plans
),

own_care_and_support as (
    select distinct
        classified_plans.collection_year,
        classified_plans.person_id
    from classified_plans
    left join child_care_and_support_plans
        on
            classified_plans.carer_group = 'young'
            and classified_plans.person_id = child_care_and_support_plans.person_id
            and {{ is_open_on('child_care_and_support_plans', 'classified_plans.snapshot_date') }}
    left join adult_care_and_support_plans
        on
            classified_plans.carer_group = 'adult'
            and classified_plans.person_id = adult_care_and_support_plans.person_id
            and {{ is_open_on('adult_care_and_support_plans', 'classified_plans.snapshot_date') }}
    where
        child_care_and_support_plans.plan_id is not null
        or adult_care_and_support_plans.plan_id is not null
),

people_on_snapshot as (
    select
        classified_plans.*,
        max(case when plan_exclusion_reason is null then 1 else 0 end)
            over (partition by classified_plans.collection_year, classified_plans.person_id)
        = 1 as is_in_part_a,
        max(case when plan_exclusion_reason is null and is_integrated_plan then 1 else 0 end)
            over (partition by classified_plans.collection_year, classified_plans.person_id)
        = 1 as has_integrated_plan,
        row_number() over (
            partition by classified_plans.collection_year, classified_plans.person_id
            order by
                case when classified_plans.plan_exclusion_reason is null then 0 else 1 end,
                case when classified_plans.is_integrated_plan then 1 else 0 end,
                classified_plans.start_date,
                classified_plans.plan_id
        ) = 1 as is_person_first_row
    from classified_plans
)

select
    people_on_snapshot.collection_year,
    people_on_snapshot.snapshot_date,
    people_on_snapshot.plan_id,
    people_on_snapshot.person_id,
    people_on_snapshot.plan_type_code,
    people_on_snapshot.is_integrated_plan,
    people_on_snapshot.start_date,
    people_on_snapshot.end_date,
    people_on_snapshot.age_on_snapshot,
    people_on_snapshot.carer_group,
    people_on_snapshot.has_integrated_plan,
    own_care_and_support.person_id is not null as has_own_care_and_support_plan,
    people_on_snapshot.is_in_part_a,
    people_on_snapshot.is_in_part_a
    and (people_on_snapshot.has_integrated_plan or own_care_and_support.person_id is not null) as is_in_part_b,
    people_on_snapshot.is_person_first_row,
    people_on_snapshot.source_reference,
    people_on_snapshot.plan_exclusion_reason
from people_on_snapshot
left join own_care_and_support
    on
        people_on_snapshot.collection_year = own_care_and_support.collection_year
        and people_on_snapshot.person_id = own_care_and_support.person_id
