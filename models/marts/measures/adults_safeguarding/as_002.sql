{#-
  AS/002: AS/001 adults with two or more AD/020 reports in the year alleging the same AD/022 category
  (item: the person; event date: the second such report).
-#}
with

categories as (
    select * from {{ ref('int_adult_safeguarding_reports__categories') }}
),

repeated as (
    select
        collection_year,
        person_id,
        category_part,
        min(received_date) as first_received_date,
        max(received_date) as last_received_date,
        min(source_reference) as source_reference
    from categories
    group by collection_year, person_id, category_part
    having count(distinct report_id) >= 2
)

select
    collection_year,
    'AS/002' as measure_code,
    '' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    max(last_received_date) as event_date,
    min(source_reference) as source_reference
from repeated
group by collection_year, person_id
