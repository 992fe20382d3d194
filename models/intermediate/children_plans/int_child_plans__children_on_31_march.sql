{#
  One row per collection year and person with any plan open on 31 March (the last day of the year)
  who is not known to be an adult then, with the decision for CH/015a, CH/015b and CH/016 and, where
  the child is not counted, why. The item is the child: several plans count once (CH/015 include 6,
  exclude 3: a pathway plan and a care and support plan for the same child count once).

  Interpretations (docs/interpretations.md):
  - Open on 31 March: start_date <= 31 March and (no end date or end_date >= 31 March) (macro
    is_open_on): a plan ending on 31 March counts, one ending on 30 March or starting on 1 April
    does not.
  - A child is under 18 on 31 March (a child whose 18th birthday is 31 March is not), or unborn
    then; a young person with a pathway plan counts while under var pathway_plan_age_limit (18).
  - CH/015b: in CH/015a and, open on 31 March, a young carer’s support plan or a care and support
    plan that also meets needs as a carer (int_child_plans__classified).
  - CH/016: in CH/015a and a care and support plan open on 31 March has a direct payment; with var
    ch_016_direct_payment_must_have_started the first payment must be on or before 31 March (an
    unrecorded first payment date is taken on the flag).
#}
{%- set direct_payment_started = (
    '(direct_payment_first_payment_date is null or direct_payment_first_payment_date <= snapshot_date)'
    if var('ch_016_direct_payment_must_have_started') else 'true'
) %}

with

plans as (
    select * from {{ ref('int_child_plans__classified') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

open_plans as (
    select
        collection_years.collection_year,
        collection_years.end_date as snapshot_date,
        plans.*,
        people.date_of_birth,
        people.expected_date_of_birth,
        {{ is_unborn_on('people', 'collection_years.end_date') }} as is_unborn,
        {{ age_on('people', 'collection_years.end_date') }} as age_on_31_march
    from plans
    inner join collection_years
        on {{ is_open_on('plans', 'collection_years.end_date') }}
    inner join people
        on plans.person_id = people.person_id
),

child_plans as (
    select
        *,
        case
            when care_and_support_exclusion_reason is not null then care_and_support_exclusion_reason
            when
                age_on_31_march >= 18
                and not (plan_type_code = 'pathway' and age_on_31_march < {{ var('pathway_plan_age_limit') }})
                then 'aged 18 or over on 31 March'
        end as plan_exclusion_reason,
        case
            when care_and_support_exclusion_reason is null and age_on_31_march >= 18 then 1
            when plan_type_code = 'carer_support' then 2
            when plan_type_code in ('sgo_support', 'team_around_family', 'occupational_therapy_only') then 3
            when is_care_and_treatment_plan then 4
            when is_commissioned_third_party_plan then 5
            when is_refused then 6
            else 7
        end as reason_priority
    from open_plans
    where
        age_on_31_march is null
        or age_on_31_march < {{ [18, var('pathway_plan_age_limit')] | max }}
),

ranked_plans as (
    select
        *,
        row_number() over (
            partition by collection_year, person_id
            order by
                case when plan_exclusion_reason is null then 0 else reason_priority end,
                start_date,
                plan_id
        ) as plan_rank,
        row_number() over (
            partition by collection_year, person_id
            order by
                case
                    when plan_exclusion_reason is null and has_direct_payment and {{ direct_payment_started }}
                        then 0
                    when plan_exclusion_reason is null and has_direct_payment then 1
                    else 2
                end,
                start_date,
                plan_id
        ) as direct_payment_rank,
        row_number() over (
            partition by collection_year, person_id
            order by
                case
                    when is_young_carer_support_plan then 0
                    when plan_exclusion_reason is null and includes_needs_as_carer then 1
                    else 2
                end,
                start_date,
                plan_id
        ) as carer_rank
    from child_plans
),

{# Each child’s rank-1 plans (counted, direct payment, carer) are read by conditional aggregation
    over the ranked plans, one row per child: the same values as joining each rank-1 row back, but
    PostgreSQL, with no statistics on a CTE, planned those three joins as nested loops (issue 15:
    156 s on the large preset). Every child has exactly one row of rank 1 in each ranking. #}
children as (
    select
        collection_year,
        person_id,
        max(snapshot_date) as snapshot_date,
        max(date_of_birth) as date_of_birth,
        max(expected_date_of_birth) as expected_date_of_birth,
        max(case when is_unborn then 1 else 0 end) = 1 as is_unborn,
        max(age_on_31_march) as age_on_31_march,
        max(case when is_person_recorded_in_error then 1 else 0 end) = 1 as is_person_recorded_in_error,
        sum(case when plan_exclusion_reason is null then 1 else 0 end) as counted_plan_count,
        max(case when has_direct_payment then 1 else 0 end) = 1 as has_any_direct_payment_plan,
        max(case when is_young_carer_support_plan or includes_needs_as_carer then 1 else 0 end) = 1
            as has_any_carer_plan,
        max(case when plan_rank = 1 then plan_id end) as counted_plan_id,
        max(case when plan_rank = 1 then source_reference end) as source_reference,
        max(case when plan_rank = 1 then plan_exclusion_reason end) as first_plan_exclusion_reason,
        max(case when direct_payment_rank = 1 then plan_id end) as direct_payment_plan_id,
        max(case when direct_payment_rank = 1 then source_reference end) as direct_payment_source_reference,
        max(
            case
                when direct_payment_rank = 1 and coalesce(has_direct_payment, false) and plan_exclusion_reason is null
                    then 1
                else 0
            end
        ) = 1 as has_direct_payment,
        max(case when direct_payment_rank = 1 then direct_payment_first_payment_date end)
            as direct_payment_first_payment_date,
        max(case when carer_rank = 1 then plan_id end) as carer_plan_id,
        max(case when carer_rank = 1 then source_reference end) as carer_source_reference,
        max(
            case
                when
                    carer_rank = 1
                    and (
                        coalesce(is_young_carer_support_plan, false)
                        or (plan_exclusion_reason is null and coalesce(includes_needs_as_carer, false))
                    )
                    then 1
                else 0
            end
        ) = 1 as has_needs_as_carer
    from ranked_plans
    group by collection_year, person_id
),

classified as (
    select
        *,
        case
            when is_person_recorded_in_error then 'person record created in error'
            when date_of_birth is null and expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when counted_plan_count = 0
                then
                    'no care and support plan open on 31 March counts: '
                    || first_plan_exclusion_reason || ' (plan ' || counted_plan_id || ')'
        end as ch_015a_exclusion_reason
    from children
),

decided as (
    select
        collection_year,
        person_id,
        snapshot_date,
        age_on_31_march,
        is_unborn,
        counted_plan_count,
        counted_plan_id,
        source_reference,
        carer_plan_id,
        carer_source_reference,
        has_needs_as_carer,
        has_any_carer_plan,
        direct_payment_plan_id,
        direct_payment_source_reference,
        has_direct_payment,
        direct_payment_first_payment_date,
        has_any_direct_payment_plan,
        ch_015a_exclusion_reason,
        ch_015a_exclusion_reason is null as is_in_ch_015a,
        case
            when ch_015a_exclusion_reason is not null then 'not in CH/015a'
            when not has_needs_as_carer
                then 'no young carer''s support plan or integrated plan meeting needs as a carer open on 31 March'
        end as ch_015b_exclusion_reason,
        ch_015a_exclusion_reason is null and has_needs_as_carer as is_in_ch_015b,
        case
            when ch_015a_exclusion_reason is not null then 'not in CH/015a'
            when not has_direct_payment then 'no care and support plan open on 31 March with a direct payment'
            {%- if var('ch_016_direct_payment_must_have_started') %}
                when direct_payment_first_payment_date > snapshot_date
                    then
                        'direct payment not started by 31 March (first payment '
                        || cast(direct_payment_first_payment_date as {{ dbt.type_string() }}) || ')'
            {%- endif %}
        end as ch_016_exclusion_reason
    from classified
)

select
    collection_year,
    person_id,
    snapshot_date,
    age_on_31_march,
    is_unborn,
    counted_plan_count,
    counted_plan_id,
    source_reference,
    carer_plan_id,
    carer_source_reference,
    has_needs_as_carer,
    has_any_carer_plan,
    direct_payment_plan_id,
    direct_payment_source_reference,
    has_direct_payment,
    direct_payment_first_payment_date,
    has_any_direct_payment_plan,
    ch_015a_exclusion_reason,
    is_in_ch_015a,
    ch_015b_exclusion_reason,
    is_in_ch_015b,
    ch_016_exclusion_reason,
    ch_016_exclusion_reason is null as is_in_ch_016
from decided
