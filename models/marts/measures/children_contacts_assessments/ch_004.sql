{#- CH/004 a-r: CH/001 contacts by contact source (seeds/measure_part_map.csv). -#}
{{ items_by_part_map(
    measure_code='CH/004',
    records='int_child_contacts__classified',
    condition='is_in_ch_001',
    code_list='contact_source',
    code_column='contact_source_code',
    item_type='contact',
    id_column='contact_id',
    date_column='received_date'
) }}
