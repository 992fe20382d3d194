{#-
  AD/031: the AD/030 items (adult and type of care and support on 31 March) the adult was charged
  for, by type (a-h) and by age on 31 March (age_a-age_h).
-#}
with

items as (
    select * from {{ ref('int_adult_services__types_on_31_march') }}
    where is_charged
)

select
    collection_year,
    'AD/031' as measure_code,
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
    'AD/031' as measure_code,
    age_band_part as part,
    'adult_care_type' as item_type,
    item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from items
