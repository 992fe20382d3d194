{#-
  AS/003: AS/001 adults whose AD/020 reports in the year alleged two or more different AD/022
  categories; with var as_003_counts_categories_within_one_report false the two categories must come
  from two different reports. Item: the person; event date: their latest report in the year.
-#}
with

categories as (
    select * from {{ ref('int_adult_safeguarding_reports__categories') }}
),

qualifying as (
    select distinct
        first_category.collection_year,
        first_category.person_id
    from categories as first_category
    inner join categories as second_category
        on
            first_category.collection_year = second_category.collection_year
            and first_category.person_id = second_category.person_id
            and first_category.category_part < second_category.category_part
            and (
                {{ 'true' if var('as_003_counts_categories_within_one_report') else 'false' }}
                or first_category.report_id <> second_category.report_id
            )
),

person_reports as (
    select
        collection_year,
        person_id,
        max(received_date) as last_received_date,
        min(source_reference) as source_reference
    from categories
    group by collection_year, person_id
)

select
    qualifying.collection_year,
    'AS/003' as measure_code,
    '' as part,
    'adult' as item_type,
    qualifying.person_id as item_id,
    qualifying.person_id,
    person_reports.last_received_date as event_date,
    person_reports.source_reference
from qualifying
inner join person_reports
    on
        qualifying.collection_year = person_reports.collection_year
        and qualifying.person_id = person_reports.person_id
