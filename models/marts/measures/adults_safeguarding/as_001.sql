{#-
  AS/001: adults with at least one AD/020 report in the year, each once (item: the person; event
  date: their first report).
-#}
with

reports as (
    select * from {{ ref('ad_020') }}
)

select
    collection_year,
    'AS/001' as measure_code,
    '' as part,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    min(event_date) as event_date,
    min(source_reference) as source_reference
from reports
group by collection_year, person_id
