{#-
  AD/020: reports of an adult (18 or over on receipt) suspected of being at risk received during the
  year, every report counted.
-#}
with

reports as (
    select * from {{ ref('int_adult_safeguarding_reports__classified') }}
)

select
    collection_year,
    'AD/020' as measure_code,
    '' as part,
    'adult_safeguarding_report' as item_type,
    report_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from reports
where is_in_ad_020
