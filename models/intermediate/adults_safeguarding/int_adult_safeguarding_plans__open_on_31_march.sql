{#
  AD/028b candidates: every care and support plan flagged as protecting an adult from abuse or
  neglect (protects_from_abuse_or_neglect) that started (was signed off) on or before 31 March of a
  collection year and had not ended before 1 April of it, one row per plan and collection year,
  with the reason it is not counted as open on 31 March.

  Interpretations (docs/interpretations.md): a plan is active once started (the start date is the
  date it was authorised); a plan ending on 31 March is open that day (var
  ad_028b_plan_ending_31_march_is_open); the adult is 18 or over on 31 March; the enquiry that led
  to the plan may be in any year; a plan covering several categories of abuse is one plan.
#}
with

plans as (
    select * from {{ ref('plan') }}
    where is_protection_plan
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

candidates as (
    select
        plans.plan_id,
        plans.person_id,
        plans.start_date,
        plans.end_date,
        plans.is_refused,
        plans.is_recorded_in_error,
        plans.source_reference,
        collection_years.collection_year,
        collection_years.end_date as snapshot_date,
        people.date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'collection_years.end_date') }} as age_on_31_march
    from plans
    inner join collection_years
        on
            plans.start_date <= collection_years.end_date
            and (plans.end_date is null or plans.end_date >= collection_years.start_date)
    inner join people
        on plans.person_id = people.person_id
),

classified as (
    select
        candidates.*,
        case
            when is_recorded_in_error then 'plan recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when is_refused then 'plan refused'
            when end_date < snapshot_date
                then 'closed before 31 March (ended ' || cast(end_date as {{ dbt.type_string() }}) || ')'
            {%- if not var('ad_028b_plan_ending_31_march_is_open') %}
                when end_date = snapshot_date
                    then 'closed on 31 March (var ad_028b_plan_ending_31_march_is_open)'
            {%- endif %}
            when date_of_birth is null then 'no date of birth: cannot tell the person was 18 or over on 31 March'
            when age_on_31_march < 18 then 'under 18 on 31 March'
        end as ad_028b_exclusion_reason
    from candidates
)

select
    plan_id,
    person_id,
    collection_year,
    snapshot_date,
    start_date,
    end_date,
    age_on_31_march,
    source_reference,
    ad_028b_exclusion_reason,
    ad_028b_exclusion_reason is null as is_in_ad_028b
from classified
