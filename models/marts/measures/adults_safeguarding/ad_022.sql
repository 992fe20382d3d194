{#-
  AD/022: AD/020 reports alleging at least one of the five categories, one item per report in each
  category part alleged (a neglect ... e financial) and, for the same reports, one in its age band
  part (age_1 18-24 ... age_8 85 and over, age on the day received). pif_return crosses the two
  (category x age band), as the return prints them.
-#}
with

categories as (
    select * from {{ ref('int_adult_safeguarding_reports__categories') }}
),

reports as (
    select * from {{ ref('int_adult_safeguarding_reports__classified') }}
)

select
    collection_year,
    'AD/022' as measure_code,
    category_part as part,
    'adult_safeguarding_report' as item_type,
    report_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from categories

union all

select
    collection_year,
    'AD/022' as measure_code,
    age_band_part as part,
    'adult_safeguarding_report' as item_type,
    report_id as item_id,
    person_id,
    received_date as event_date,
    source_reference
from reports
where is_in_ad_022
