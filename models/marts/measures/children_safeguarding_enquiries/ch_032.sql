{#-
  CH/032: children who go missing during the year - the children of CH/031's reports, each once a
  year; the item is dated by, and traced to, the child's first counted report of the year.
-#}
with

missing_reports as (
    select * from {{ ref('ch_031') }}
),

reports_in_order as (
    select
        collection_year,
        person_id,
        event_date,
        source_reference,
        row_number() over (
            partition by collection_year, person_id
            order by event_date, item_id
        ) as report_number_in_year
    from missing_reports
)

select
    collection_year,
    'CH/032' as measure_code,
    '' as part,
    'child' as item_type,
    person_id as item_id,
    person_id,
    event_date,
    source_reference
from reports_in_order
where report_number_in_year = 1
