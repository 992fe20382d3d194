{#-
  AD/025 a-j: the alleged perpetrators of the completed enquiries of the AD/023 base, by relationship
  to the adult (seeds/measure_part_map.csv), each perpetrator counted individually (var
  ad_025_counts_each_perpetrator; false: each enquiry once per type). Item: the perpetrator record.
-#}
with

perpetrators as (
    select * from {{ ref('int_adult_safeguarding__alleged_perpetrators') }}
),

code_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'AD/025' and code_list = 'adult_perpetrator_relationship'
)

select
    perpetrators.collection_year,
    'AD/025' as measure_code,
    code_parts.part,
    'alleged_perpetrator' as item_type,
    perpetrators.item_id,
    perpetrators.person_id,
    perpetrators.completed_date as event_date,
    perpetrators.source_reference
from perpetrators
inner join code_parts
    on perpetrators.relationship_code = code_parts.national_code
