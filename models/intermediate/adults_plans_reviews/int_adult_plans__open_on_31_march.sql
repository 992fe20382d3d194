{#
  AD/012 and AD/013: one row per collection year and candidate plan (int_adult_plans__candidates)
  open on 31 March of that year - start date <= 31 March and no end date or an end date >= 31 March
  (a plan is open on its last day) - for a person who is not known to be a child that day, with the
  decision for the plan and, repeated on every row of the person, the decision for the adult.

  Interpretations (docs/interpretations.md):
  - Adults are 18 or over on 31 March (a birthday counts on the day). Plans of people known to be
    children (or unborn) on 31 March are not candidates: they belong to the children's measures.
  - AD/012 counts adults, not plans: an adult with several counted plans counts once (the earliest
    started plan is shown as the item's record).
  - AD/012 part a is every adult with a counted plan; part b is those of them who also have support
    needs as a carer, so b is within a (the part labels; include 1's "plan only" would make a and b
    disjoint, which the measure name does not support). Evidence of needs as a carer, any of var
    adult_carer_needs_evidence: an integrated plan (a counted plan includes needs as a carer), a
    carer's support plan open that day, a current caring relationship as the carer, or the person's
    latest completed adult assessment on or before that day considered their needs as a carer.
  - AD/013: a direct payment in place on 31 March (int_adult_plans__direct_payment_periods: a plan
    flagged has_direct_payment from its first payment, or a direct payment service line open that day).
  - A plan left open after the person's death is not counted.
#}
with

plans as (
    select * from {{ ref('int_adult_plans__candidates') }}
),

direct_payment_periods as (
    select * from {{ ref('int_adult_plans__direct_payment_periods') }}
),

carer_relationships as (
    select * from {{ ref('carer_relationship') }}
),

assessments as (
    select * from {{ ref('assessment') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

open_plans as (
    select
        collection_years.collection_year,
        collection_years.end_date as snapshot_date,
        plans.*,
        {{ age_at('plans.date_of_birth', 'collection_years.end_date') }} as age_on_snapshot
    from plans
    inner join collection_years
        on {{ is_open_on('plans', 'collection_years.end_date') }}
),

candidates as (
    select
        open_plans.*,
        case
            when plan_exclusion_reason is not null then plan_exclusion_reason
            when date_of_death < snapshot_date
                then
                    'person died before 31 March (' || cast(date_of_death as {{ dbt.type_string() }})
                    || ') but the plan was not closed'
        end as plan_reason_on_snapshot
    from open_plans
    where
        age_on_snapshot is null
        or age_on_snapshot >= 18
),

counted_plans as (
    select * from candidates
    where plan_reason_on_snapshot is null
),

carer_support_plans as (
    select distinct
        candidates.collection_year,
        candidates.person_id
    from candidates
    where
        candidates.plan_type_code = 'carer_support'
        and not candidates.is_refused
        and not candidates.is_recorded_in_error
        and not candidates.is_person_recorded_in_error
),

integrated_plans as (
    select distinct
        collection_year,
        person_id
    from counted_plans
    where includes_needs_as_carer
),

caring_relationships as (
    select distinct
        counted_plans.collection_year,
        counted_plans.person_id
    from counted_plans
    inner join carer_relationships
        on
            counted_plans.person_id = carer_relationships.carer_person_id
            and {{ is_open_on('carer_relationships', 'counted_plans.snapshot_date') }}
    where not carer_relationships.is_recorded_in_error
),

adult_assessments_ranked as (
    select
        counted_plans.collection_year,
        counted_plans.person_id,
        assessments.considers_needs_as_carer,
        row_number() over (
            partition by counted_plans.collection_year, counted_plans.plan_id
            order by assessments.completed_date desc, assessments.assessment_id desc
        ) as recency
    from counted_plans
    inner join assessments
        on
            counted_plans.person_id = assessments.person_id
            and counted_plans.snapshot_date >= assessments.completed_date
    where
        assessments.assessment_type_code = 'adult'
        and not assessments.is_recorded_in_error
),

carer_assessments as (
    select distinct
        collection_year,
        person_id
    from adult_assessments_ranked
    where recency = 1 and considers_needs_as_carer
),

direct_payments as (
    select distinct
        counted_plans.collection_year,
        counted_plans.person_id
    from counted_plans
    inner join direct_payment_periods
        on
            counted_plans.person_id = direct_payment_periods.person_id
            and {{ is_open_on('direct_payment_periods', 'counted_plans.snapshot_date') }}
),

classified as (
    select
        candidates.*,
        integrated_plans.person_id is not null as has_integrated_plan,
        carer_support_plans.person_id is not null as has_carer_support_plan,
        caring_relationships.person_id is not null as has_caring_relationship,
        carer_assessments.person_id is not null as has_carer_assessment,
        direct_payments.person_id is not null as has_direct_payment_on_snapshot,
        max(case when candidates.plan_reason_on_snapshot is null then 1 else 0 end)
            over (partition by candidates.collection_year, candidates.person_id)
        = 1 as is_in_ad_012,
        row_number() over (
            partition by candidates.collection_year, candidates.person_id
            order by
                case when candidates.plan_reason_on_snapshot is null then 0 else 1 end,
                candidates.start_date,
                candidates.plan_id
        ) = 1 as is_person_first_row
    from candidates
    left join integrated_plans
        on
            candidates.collection_year = integrated_plans.collection_year
            and candidates.person_id = integrated_plans.person_id
    left join carer_support_plans
        on
            candidates.collection_year = carer_support_plans.collection_year
            and candidates.person_id = carer_support_plans.person_id
    left join caring_relationships
        on
            candidates.collection_year = caring_relationships.collection_year
            and candidates.person_id = caring_relationships.person_id
    left join carer_assessments
        on
            candidates.collection_year = carer_assessments.collection_year
            and candidates.person_id = carer_assessments.person_id
    left join direct_payments
        on
            candidates.collection_year = direct_payments.collection_year
            and candidates.person_id = direct_payments.person_id
),

{%- set evidence = var('adult_carer_needs_evidence') %}

with_carer_needs as (
    select
        classified.*,
        (
            false
            {%- if 'integrated_plan' in evidence %} or has_integrated_plan{% endif %}
            {%- if 'carer_support_plan' in evidence %} or has_carer_support_plan{% endif %}
            {%- if 'caring_relationship' in evidence %} or has_caring_relationship{% endif %}
            {%- if 'carer_assessment' in evidence %} or has_carer_assessment{% endif %}
        ) as has_needs_as_carer
    from classified
)

select
    collection_year,
    snapshot_date,
    plan_id,
    person_id,
    plan_type_code,
    start_date,
    end_date,
    age_on_snapshot,
    is_care_and_treatment_plan,
    has_integrated_plan,
    has_carer_support_plan,
    has_caring_relationship,
    has_carer_assessment,
    has_needs_as_carer,
    has_direct_payment_on_snapshot,
    is_in_ad_012,
    is_person_first_row,
    source_reference,
    plan_reason_on_snapshot as ad_012_exclusion_reason,
    case
        when not is_in_ad_012 then 'not in AD/012'
        when not has_direct_payment_on_snapshot then 'no direct payment in place on 31 March'
    end as ad_013_exclusion_reason
from with_carer_needs
