{#- AD/023 age_1-age_8: AD/020 reports for which section 126 enquiries were made, by age band on the day received. -#}
with

reports as (
    select * from {{ ref('int_adult_safeguarding_reports__classified') }}
)

select
    collection_year,
    'AD/023' as measure_code,
    age_band_part as part,
    'adult_safeguarding_report' as item_type,
    report_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from reports
where is_in_ad_023
