{#-
  AD/030: adults with a care and support plan on 31 March, by type of care and support (a-h) and,
  for the same items, by age on 31 March (age_a-age_h). An item is an adult receiving a type.
-#}
with

items as (
    select * from {{ ref('int_adult_services__types_on_31_march') }}
)

select
    collection_year,
    'AD/030' as measure_code,
    ad_030_part as part,
    'adult_care_type' as item_type,
    item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from items

union all

select
    collection_year,
    'AD/030' as measure_code,
    age_band_part as part,
    'adult_care_type' as item_type,
    item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from items
