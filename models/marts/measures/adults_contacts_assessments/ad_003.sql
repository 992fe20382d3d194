{#- AD/003 a-r: AD/002 contacts by contact source (seeds/measure_part_map.csv). -#}
{{ items_by_part_map(
    measure_code='AD/003',
    records='int_adult_contacts__classified',
    condition='ad_002_exclusion_reason is null',
    code_list='contact_source',
    code_column='contact_source_code',
    item_type='contact',
    id_column='contact_id',
    date_column='received_date'
) }}
