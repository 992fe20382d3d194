{#- AD/026 a-d: completed enquiries of the AD/023 base by outcome (seeds/measure_part_map.csv). -#}
{{ items_by_part_map(
    measure_code='AD/026',
    records='int_adult_safeguarding_enquiries__classified',
    condition='is_in_ad_026',
    code_list='adult_enquiry_outcome',
    code_column='outcome_code',
    item_type='adult_safeguarding_enquiry',
    id_column='enquiry_id',
    date_column='completed_date'
) }}
