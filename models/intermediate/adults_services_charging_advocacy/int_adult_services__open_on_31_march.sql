{#
  Every service open on 31 March of a configured collection year (started on or before it, not ended
  before it: open on its first and last day) for a person not known to be under 18 that day, with its
  AD/030 type of care and support, the AD/030 decision, and whether the adult was charged for it
  (AD/031).

  Interpretations (docs/interpretations.md):
  - Age and the care and support plan are taken on 31 March: the person must be 18 or over then and
    have a care and support plan open that day (any of theirs: a plan replaced at review keeps its
    services). A person who died before 31 March is not counted even if a service was left open.
  - Types by national service type (seeds/measure_part_map.csv, code list care_service_type); a
    direct payment is its own service line (f), the services it buys are not also counted; temporary
    care home stays awaiting a long-term package, telecare, equipment, meals, laundry and other services
    are not AD/030 types. Respite care (not short breaks at home) must cover a night and last at most
    var respite_care_max_months months (to its end, or to 31 March while open).
  - Charged (AD/031): a flat-rate or full-cost service is charged; a direct payment contribution
    is charged unless the financial assessment in effect sets a nil charge (the contribution is
    recorded on the service; an assessment, where there is one, sets its amount); a means-tested
    service is charged when the adult’s financial assessment for the setting
    (residential for var residential_care_service_types, otherwise non-residential) in effect on 31
    March (var adult_charged_period = on_31_march) - or on any day of the year the service ran
    (during_year) - sets a charge above nil: an assessed charge above 0, the maximum weekly charge, over
    the capital limit (full cost) or declined to disclose (full cost). A nil charge is not charged.
#}
with

services as (
    select * from {{ ref('int_adult_services__services') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

care_and_support_plans as (
    select * from {{ ref('int_adult_plans__care_and_support_lifetimes') }}
),

financial_assessments as (
    select * from {{ ref('financial_assessment') }}
    where not is_recorded_in_error
),

part_map as (
    select * from {{ ref('measure_part_map') }}
    where code_list = 'care_service_type' and measure_code = 'AD/030'
),

open_on_31_march as (
    select
        services.*,
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as snapshot_date,
        {{ age_on('services', 'collection_years.end_date') }} as age_on_31_march,
        case
            when services.service_type_code in ({{ quoted_list(var('residential_care_service_types')) }})
                then 'residential'
            else 'non_residential'
        end as charging_setting_code
    from services
    inner join collection_years
        on {{ is_open_on('services', 'collection_years.end_date') }}
),

adult_candidates as (
    select * from open_on_31_march
    where
        age_on_31_march >= 18
        or (date_of_birth is null and expected_date_of_birth is null)
),

plans_open_on_31_march as (
    select
        adult_candidates.service_id,
        adult_candidates.collection_year,
        min(care_and_support_plans.plan_id) as open_plan_id
    from adult_candidates
    inner join care_and_support_plans
        on
            adult_candidates.person_id = care_and_support_plans.person_id
            and {{ is_open_on('care_and_support_plans', 'adult_candidates.snapshot_date') }}
    group by adult_candidates.service_id, adult_candidates.collection_year
),

assessment_charges as (
    select
        adult_candidates.service_id,
        adult_candidates.collection_year,
        count(*) as financial_assessment_count,
        max(
            case
                when
                    financial_assessments.outcome_code
                    in ('maximum_weekly_charge', 'over_capital_limit', 'declined_to_disclose')
                    or (
                        financial_assessments.outcome_code = 'assessed_charge'
                        and coalesce(financial_assessments.assessed_weekly_charge, 0) > 0
                    )
                    then 1
                else 0
            end
        ) as has_charge
    from adult_candidates
    inner join financial_assessments
        on
            adult_candidates.person_id = financial_assessments.person_id
            and adult_candidates.charging_setting_code = financial_assessments.care_setting_code
            {%- if var('adult_charged_period') == 'during_year' %}
                and financial_assessments.effective_from_date <= adult_candidates.snapshot_date
                and (
                    financial_assessments.effective_to_date is null
                    or financial_assessments.effective_to_date >= adult_candidates.year_start_date
                )
                and (
                    financial_assessments.effective_to_date is null
                    or financial_assessments.effective_to_date >= adult_candidates.start_date
                )
            {%- else %}
                and adult_candidates.snapshot_date >= financial_assessments.effective_from_date
                and (
                    financial_assessments.effective_to_date is null
                    or adult_candidates.snapshot_date <= financial_assessments.effective_to_date
                )
            {%- endif %}
    where adult_candidates.charge_basis_code in ('means_tested', 'direct_payment_contribution')
    group by adult_candidates.service_id, adult_candidates.collection_year
),

classified as (
    select
        adult_candidates.*,
        part_map.part as ad_030_part,
        plans_open_on_31_march.open_plan_id,
        coalesce(assessment_charges.financial_assessment_count, 0) as financial_assessment_count,
        case
            when adult_candidates.service_exclusion_reason is not null
                then adult_candidates.service_exclusion_reason
            when adult_candidates.date_of_death < adult_candidates.snapshot_date
                then 'person died before 31 March (service left open)'
            when adult_candidates.service_type_code = 'temporary_care_home'
                then 'temporary care home stay awaiting a long-term package: not an AD/030 type of care and support'
            when part_map.part is null
                then
                    'service type '
                    || adult_candidates.service_type_code
                    || ' is not an AD/030 type of care and support'
            when
                adult_candidates.service_type_code = 'respite_care'
                and adult_candidates.end_date = adult_candidates.start_date
                then 'respite care that did not cover a night (ended on the day it started)'
            when
                adult_candidates.service_type_code = 'respite_care'
                and coalesce(adult_candidates.end_date, adult_candidates.snapshot_date)
                > {{ add_months('adult_candidates.start_date', var('respite_care_max_months')) }}
                then 'respite care longer than {{ var("respite_care_max_months") }} months'
            when plans_open_on_31_march.open_plan_id is null then 'no care and support plan open on 31 March'
        end as ad_030_exclusion_reason,
        case
            when adult_candidates.charge_basis_code in ('flat_rate', 'full_cost') then null
            when adult_candidates.charge_basis_code is null then 'charge basis not recorded for the service'
            when adult_candidates.charge_basis_code = 'not_charged' then 'service not charged for'
            when
                adult_candidates.charge_basis_code = 'direct_payment_contribution'
                and coalesce(assessment_charges.has_charge, 1) = 1
                then null
            when assessment_charges.service_id is null
                then
                    'charged by financial assessment but no '
                    || replace(adult_candidates.charging_setting_code, '_', '-')
                    {%- if var('adult_charged_period') == 'during_year' %}
                        || ' financial assessment in effect in the year'
                    {%- else %}
                        || ' financial assessment in effect on 31 March'
                    {%- endif %}
            when assessment_charges.has_charge = 0 then 'financial assessment sets a nil charge'
        end as charge_exclusion_reason
    from adult_candidates
    left join part_map
        on adult_candidates.service_type_code = part_map.national_code
    left join plans_open_on_31_march
        on
            adult_candidates.service_id = plans_open_on_31_march.service_id
            and adult_candidates.collection_year = plans_open_on_31_march.collection_year
    left join assessment_charges
        on
            adult_candidates.service_id = assessment_charges.service_id
            and adult_candidates.collection_year = assessment_charges.collection_year
)

select
    service_id,
    person_id,
    collection_year,
    snapshot_date,
    age_on_31_march,
    service_type_code,
    start_date,
    end_date,
    open_plan_id,
    charge_basis_code,
    charging_setting_code,
    financial_assessment_count,
    ad_030_part,
    case
        when age_on_31_march between 18 and 24 then 'age_a'
        when age_on_31_march between 25 and 34 then 'age_b'
        when age_on_31_march between 35 and 44 then 'age_c'
        when age_on_31_march between 45 and 54 then 'age_d'
        when age_on_31_march between 55 and 64 then 'age_e'
        when age_on_31_march between 65 and 74 then 'age_f'
        when age_on_31_march between 75 and 84 then 'age_g'
        when age_on_31_march >= 85 then 'age_h'
    end as age_band_part,
    source_reference,
    ad_030_exclusion_reason,
    ad_030_exclusion_reason is null as is_in_ad_030,
    charge_exclusion_reason,
    charge_exclusion_reason is null as is_charged
from classified
