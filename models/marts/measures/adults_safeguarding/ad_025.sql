{#-
  AD/025 a-j: the alleged perpetrators of the completed enquiries of the AD/023 base, by relationship
  to the adult (seeds/measure_part_map.csv), each perpetrator counted individually (var
  ad_025_counts_each_perpetrator; false: each enquiry once per type). Item: the perpetrator record.
-#}
{{ items_by_part_map(
    measure_code='AD/025',
    records='int_adult_safeguarding__alleged_perpetrators',
    condition='item_id is not null',
    code_list='adult_perpetrator_relationship',
    code_column='relationship_code',
    item_type='alleged_perpetrator',
    id_column='item_id',
    date_column='completed_date'
) }}
