{#-
  AS/005 a-d: completed enquiries of the AD/023 base by place of alleged abuse, one item per enquiry
  in each part recorded (a own home, b community, c care home setting, d health setting).
-#}
with

places as (
    select * from {{ ref('int_adult_safeguarding__places') }}
)

select
    collection_year,
    'AS/005' as measure_code,
    as_005_part as part,
    'adult_safeguarding_enquiry' as item_type,
    enquiry_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from places
where as_005_part is not null
