{#- CA/013 a-r: CA/011 contacts by contact source (seeds/measure_part_map.csv; another local authority is k). -#}
{{ items_by_part_map(
    measure_code='CA/013',
    records='int_carer_contacts__classified',
    condition="is_counted_contact and carer_group = 'young'",
    code_list='contact_source',
    code_column='contact_source_code',
    item_type='contact',
    id_column='contact_id',
    date_column='received_date'
) }}
