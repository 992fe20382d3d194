{#
  Financial assessments that are candidates for AD/029a (non-residential, in effect on some day of a
  configured collection year) or AD/029c (residential, or over the capital limit in any setting,
  completed in the year - or in effect in it, var capital_limit_assessment_basis), one row per
  assessment and collection year, with the decision for each part and, where not counted, why.
  The measures count adults, once each: an adult is in AD/029a (AD/029c) when at least one of their
  assessments is.

  Interpretations (docs/interpretations.md):
  - AD/029a "paid the maximum weekly charge towards non-residential care at least once during the
    year": a non-residential assessment whose outcome is one of var maximum_weekly_charge_outcomes, or
    whose assessed weekly charge is at or above the maximum in force (var
    non_residential_maximum_weekly_charges) on the first day it applied in the year; while it applied
    in the year, the adult (18 or over on its last day in the year) had a care and support plan open
    and a non-residential service in that plan charged through the financial assessment (means-tested
    or a direct payment contribution): care delivered and chargeable in the year.
  - AD/029c "assessed to be over the capital limit for residential services": a residential
    assessment with outcome over_capital_limit completed in the year (the adult 18 or over then),
    for an adult with a care and support plan open at some time in the year: only adults who came
    through the local authority’s assessment. Non-residential over-the-limit assessments are listed
    with a reason, not counted.
#}
with

financial_assessments as (
    select * from {{ ref('financial_assessment') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

care_and_support_plans as (
    select * from {{ ref('int_adult_plans__care_and_support_lifetimes') }}
),

services as (
    select * from {{ ref('int_adult_services__services') }}
    where
        service_exclusion_reason is null
        and charge_basis_code in ('means_tested', 'direct_payment_contribution')
        and service_type_code not in ({{ quoted_list(var('residential_care_service_types')) }})
),

maximum_charge_rows as (
    {%- for row in var('non_residential_maximum_weekly_charges') %}
        select
            cast('{{ row.from_date }}' as date) as from_date,
            cast({{ row.amount }} as numeric(18, 2)) as amount
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

maximum_charges as (
    select
        from_date,
        amount,
        lead(from_date) over (order by from_date) as next_from_date
    from maximum_charge_rows
),

in_years as (
    select
        financial_assessments.*,
        collection_years.collection_year,
        collection_years.start_date as year_start_date,
        collection_years.end_date as year_end_date,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        case
            when financial_assessments.effective_from_date > collection_years.start_date
                then financial_assessments.effective_from_date
            else collection_years.start_date
        end as charge_window_start_date,
        case
            when
                financial_assessments.effective_to_date is null
                or financial_assessments.effective_to_date > collection_years.end_date
                then collection_years.end_date
            else financial_assessments.effective_to_date
        end as charge_window_end_date,
        financial_assessments.completed_date
        between collection_years.start_date and collection_years.end_date as is_completed_in_year,
        financial_assessments.effective_from_date <= collection_years.end_date
        and (
            financial_assessments.effective_to_date is null
            or financial_assessments.effective_to_date >= collection_years.start_date
        ) as is_in_effect_in_year
    from financial_assessments
    inner join collection_years
        on
            financial_assessments.completed_date between collection_years.start_date and collection_years.end_date
            or (
                financial_assessments.effective_from_date <= collection_years.end_date
                and (
                    financial_assessments.effective_to_date is null
                    or financial_assessments.effective_to_date >= collection_years.start_date
                )
            )
    inner join people
        on financial_assessments.person_id = people.person_id
),

candidates as (
    select
        in_years.*,
        in_years.care_setting_code = 'non_residential' and in_years.is_in_effect_in_year as is_ad_029a_candidate,
        (in_years.care_setting_code = 'residential' or in_years.outcome_code = 'over_capital_limit')
        {%- if var('capital_limit_assessment_basis') == 'in_effect_in_year' %}
            and in_years.is_in_effect_in_year as is_ad_029c_candidate,
        {%- else %}
            and in_years.is_completed_in_year as is_ad_029c_candidate,
        {%- endif %}
        {%- if var('capital_limit_assessment_basis') == 'in_effect_in_year' %}
            in_years.charge_window_start_date as capital_limit_event_date,
            in_years.charge_window_end_date as capital_limit_age_date
        {%- else %}
            in_years.completed_date as capital_limit_event_date,
            in_years.completed_date as capital_limit_age_date
        {%- endif %}
    from in_years
),

aged as (
    select
        candidates.*,
        coalesce(
            candidates.is_ad_029a_candidate
            and (
                {{ age_on('candidates', 'candidates.charge_window_end_date') }} >= 18
                or (candidates.date_of_birth is null and candidates.expected_date_of_birth is null)
            ),
            false
        ) as is_adult_ad_029a_candidate,
        coalesce(
            candidates.is_ad_029c_candidate
            and (
                {{ age_on('candidates', 'candidates.capital_limit_age_date') }} >= 18
                or (candidates.date_of_birth is null and candidates.expected_date_of_birth is null)
            ),
            false
        ) as is_adult_ad_029c_candidate
    from candidates
    where candidates.is_ad_029a_candidate or candidates.is_ad_029c_candidate
),

maximum_in_force as (
    select
        aged.financial_assessment_id,
        aged.collection_year,
        max(maximum_charges.amount) as maximum_weekly_charge
    from aged
    inner join maximum_charges
        on
            aged.charge_window_start_date >= maximum_charges.from_date
            and (
                maximum_charges.next_from_date is null or aged.charge_window_start_date < maximum_charges.next_from_date
            )
    group by aged.financial_assessment_id, aged.collection_year
),

plans_in_charge_window as (
    select
        aged.financial_assessment_id,
        aged.collection_year,
        min(care_and_support_plans.plan_id) as plan_id
    from aged
    inner join care_and_support_plans
        on
            aged.person_id = care_and_support_plans.person_id
            and aged.charge_window_end_date >= care_and_support_plans.start_date
            and (
                care_and_support_plans.end_date is null
                or aged.charge_window_start_date <= care_and_support_plans.end_date
            )
    group by aged.financial_assessment_id, aged.collection_year
),

plans_in_year as (
    select
        aged.financial_assessment_id,
        aged.collection_year,
        min(care_and_support_plans.plan_id) as plan_id
    from aged
    inner join care_and_support_plans
        on
            aged.person_id = care_and_support_plans.person_id
            and aged.year_end_date >= care_and_support_plans.start_date
            and (care_and_support_plans.end_date is null or aged.year_start_date <= care_and_support_plans.end_date)
    group by aged.financial_assessment_id, aged.collection_year
),

services_in_charge_window as (
    select
        aged.financial_assessment_id,
        aged.collection_year,
        min(services.service_id) as service_id
    from aged
    inner join services
        on
            aged.person_id = services.person_id
            and aged.charge_window_end_date >= services.start_date
            and (services.end_date is null or aged.charge_window_start_date <= services.end_date)
    group by aged.financial_assessment_id, aged.collection_year
),

classified as (
    select
        aged.*,
        maximum_in_force.maximum_weekly_charge,
        plans_in_charge_window.plan_id as charge_window_plan_id,
        plans_in_year.plan_id as year_plan_id,
        services_in_charge_window.service_id as charge_window_service_id,
        case
            when aged.is_recorded_in_error then 'financial assessment recorded in error'
            when aged.is_person_recorded_in_error then 'person record created in error'
            when aged.date_of_birth is null and aged.expected_date_of_birth is null
                then 'no date of birth: cannot tell the person is an adult'
        end as record_exclusion_reason
    from aged
    left join maximum_in_force
        on
            aged.financial_assessment_id = maximum_in_force.financial_assessment_id
            and aged.collection_year = maximum_in_force.collection_year
    left join plans_in_charge_window
        on
            aged.financial_assessment_id = plans_in_charge_window.financial_assessment_id
            and aged.collection_year = plans_in_charge_window.collection_year
    left join plans_in_year
        on
            aged.financial_assessment_id = plans_in_year.financial_assessment_id
            and aged.collection_year = plans_in_year.collection_year
    left join services_in_charge_window
        on
            aged.financial_assessment_id = services_in_charge_window.financial_assessment_id
            and aged.collection_year = services_in_charge_window.collection_year
),

decided as (
    select
        classified.*,
        case
            when not classified.is_adult_ad_029a_candidate then null
            when classified.record_exclusion_reason is not null then classified.record_exclusion_reason
            when
                not (
                    classified.outcome_code in ({{ quoted_list(var('maximum_weekly_charge_outcomes')) }})
                    or coalesce(classified.assessed_weekly_charge >= classified.maximum_weekly_charge, false)
                )
                then
                    'outcome ' || classified.outcome_code || ' ('
                    || coalesce(cast(classified.assessed_weekly_charge as {{ dbt.type_string() }}), 'no amount')
                    || ' a week): not the maximum weekly charge ('
                    || coalesce(
                        cast(classified.maximum_weekly_charge as {{ dbt.type_string() }}), 'no maximum configured'
                    )
                    || ')'
            when classified.charge_window_plan_id is null
                then 'no care and support plan open while the charge applied in the year'
            when classified.charge_window_service_id is null
                then
                    'no chargeable non-residential service in a care and support plan'
                    || ' while the charge applied in the year'
        end as ad_029a_exclusion_reason,
        case
            when not classified.is_adult_ad_029c_candidate then null
            when classified.record_exclusion_reason is not null then classified.record_exclusion_reason
            when classified.care_setting_code <> 'residential'
                then 'over the capital limit for non-residential care: part c counts residential care only'
            when classified.outcome_code <> 'over_capital_limit'
                then 'outcome ' || classified.outcome_code || ': not over the capital limit'
            when classified.year_plan_id is null then 'no care and support plan open in the collection year'
        end as ad_029c_exclusion_reason
    from classified
)

select
    financial_assessment_id,
    person_id,
    collection_year,
    care_setting_code,
    outcome_code,
    assessed_weekly_charge,
    completed_date,
    effective_from_date,
    effective_to_date,
    charge_window_start_date,
    charge_window_end_date,
    maximum_weekly_charge,
    charge_window_plan_id,
    charge_window_service_id,
    year_plan_id,
    capital_limit_event_date,
    source_reference,
    is_adult_ad_029a_candidate as is_ad_029a_candidate,
    is_adult_ad_029c_candidate as is_ad_029c_candidate,
    ad_029a_exclusion_reason,
    is_adult_ad_029a_candidate and ad_029a_exclusion_reason is null as is_in_ad_029a,
    ad_029c_exclusion_reason,
    is_adult_ad_029c_candidate and ad_029c_exclusion_reason is null as is_in_ad_029c
from decided
where is_adult_ad_029a_candidate or is_adult_ad_029c_candidate
