{#
  Every report of an adult suspected of being at risk (one row per report), placed in a collection
  year by the date it was received, with the adult’s age band, ethnicity and gender for the report,
  the categories of abuse alleged, the decision to make section 126 enquiries, and for each measure
  of the section whose item is the report (AD/020-AD/023) the reason it is not counted.

  Interpretations (docs/interpretations.md):
  - Adults are 18 or over on the day the report was received (a young person moves into these
    measures on their 18th birthday); a person with no date of birth cannot be shown to be an adult
    and is listed with that reason.
  - AS/004a: the ethnicity recorded for the report, else the person’s, else "information not
    obtained". AS/004b: the person’s gender; none recorded is "not disclosed or unknown".
  - AD/022: a report counts under every AD/022 category alleged (flags and primary category), or
    under its primary category only (var ad_022_counts_every_alleged_category). A report alleging
    only other kinds of abuse (domestic abuse, exploitation) or none is in no AD/022 part.
  - AD/023: a report for which section 126 enquiries were made (an enquiry not recorded in error and
    not a formal police investigation), or decided (decision code section_126_enquiries). The decision
    may fall after 31 March (var ad_023_includes_decisions_after_year_end).
#}
{%- set every_category = 'true' if var('ad_022_counts_every_alleged_category') else 'false' %}
with

reports as (
    select * from {{ ref('adult_safeguarding_report') }}
),

enquiries as (
    select * from {{ ref('adult_safeguarding_enquiry') }}
),

people as (
    select * from {{ ref('person') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

report_enquiries as (
    select
        report_id,
        min(case when not is_formal_police_investigation then start_date end) as first_enquiry_start_date,
        sum(case when is_formal_police_investigation then 0 else 1 end) as enquiry_count,
        sum(case when is_formal_police_investigation then 1 else 0 end) as police_investigation_count
    from enquiries
    where not is_recorded_in_error
    group by report_id
),

reports_in_years as (
    select
        reports.*,
        collection_years.collection_year,
        collection_years.end_date as year_end_date,
        people.date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'reports.received_date') }} as age_at_receipt,
        coalesce(reports.ethnicity_code, people.ethnicity_code, 'not_obtained') as report_ethnicity_code,
        case
            when reports.ethnicity_code is not null then 'report'
            when people.ethnicity_code is not null then 'person'
            else 'none recorded'
        end as ethnicity_source,
        coalesce(people.gender_code, 'unknown') as report_gender_code,
        coalesce(report_enquiries.enquiry_count, 0) as enquiry_count,
        coalesce(report_enquiries.police_investigation_count, 0) as police_investigation_count,
        report_enquiries.first_enquiry_start_date
    from reports
    inner join collection_years
        on reports.received_date between collection_years.start_date and collection_years.end_date
    inner join people
        on reports.person_id = people.person_id
    left join report_enquiries
        on reports.report_id = report_enquiries.report_id
),

with_categories as (
    select
        reports_in_years.*,
        coalesce(primary_abuse_category_code = 'neglect', false)
        or ({{ every_category }} and is_neglect_alleged) as is_category_a,
        coalesce(primary_abuse_category_code = 'physical', false)
        or ({{ every_category }} and is_physical_abuse_alleged) as is_category_b,
        coalesce(primary_abuse_category_code = 'sexual', false)
        or ({{ every_category }} and is_sexual_abuse_alleged) as is_category_c,
        coalesce(primary_abuse_category_code = 'emotional', false)
        or ({{ every_category }} and is_emotional_abuse_alleged) as is_category_d,
        coalesce(primary_abuse_category_code = 'financial', false)
        or ({{ every_category }} and is_financial_abuse_alleged) as is_category_e
    from reports_in_years
),

classified as (
    select
        with_categories.*,
        {{ adult_age_band_part(
            'age_at_receipt', ['age_1', 'age_2', 'age_3', 'age_4', 'age_5', 'age_6', 'age_7', 'age_8']
        ) }} as age_band_part,
        coalesce(first_enquiry_start_date, decision_date) as enquiry_decision_date,
        enquiry_count > 0 or coalesce(decision_code = 'section_126_enquiries', false) as has_section_126_enquiries,
        case
            when is_recorded_in_error then 'report recorded in error'
            when is_person_recorded_in_error then 'person record created in error'
            when date_of_birth is null then 'no date of birth: cannot tell the person was 18 or over when reported'
            when age_at_receipt < 18 then 'under 18 on the date the report was received (a child)'
        end as ad_020_exclusion_reason
    from with_categories
),

decided as (
    select
        classified.*,
        case
            when ad_020_exclusion_reason is not null then null
            when not (is_category_a or is_category_b or is_category_c or is_category_d or is_category_e)
                then
                    'no AD/022 category alleged (primary category '
                    || coalesce(primary_abuse_category_code, 'not recorded') || ')'
        end as ad_022_exclusion_reason,
        case
            when ad_020_exclusion_reason is not null then null
            when not has_section_126_enquiries and police_investigation_count > 0
                then 'referred for a formal police investigation: not a section 126 enquiry'
            when not has_section_126_enquiries
                then
                    'no section 126 enquiries made (decision: '
                    || coalesce(decision_code, 'none recorded') || ')'
            {%- if not var('ad_023_includes_decisions_after_year_end') %}
                when enquiry_decision_date > year_end_date
                    then 'decision to make section 126 enquiries after 31 March (var ad_023_includes_decisions_after_year_end)'
            {%- endif %}
        end as ad_023_exclusion_reason
    from classified
)

select
    report_id,
    person_id,
    collection_year,
    year_end_date,
    received_date,
    report_source_code,
    primary_abuse_category_code,
    is_category_a,
    is_category_b,
    is_category_c,
    is_category_d,
    is_category_e,
    report_ethnicity_code as ethnicity_code,
    ethnicity_source,
    report_gender_code as gender_code,
    age_at_receipt,
    age_band_part,
    decision_code,
    enquiry_decision_date,
    enquiry_count,
    source_reference,
    ad_020_exclusion_reason,
    ad_020_exclusion_reason is null as is_in_ad_020,
    ad_022_exclusion_reason,
    ad_020_exclusion_reason is null and ad_022_exclusion_reason is null as is_in_ad_022,
    ad_023_exclusion_reason,
    ad_020_exclusion_reason is null and ad_023_exclusion_reason is null as is_in_ad_023
from decided
