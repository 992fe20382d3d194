{#- CA/003 a-r: CA/001 contacts by contact source (seeds/measure_part_map.csv; another local authority is k). -#}
{{ items_by_part_map(
    measure_code='CA/003',
    records='int_carer_contacts__classified',
    condition="is_counted_contact and carer_group = 'adult'",
    code_list='contact_source',
    code_column='contact_source_code',
    item_type='contact',
    id_column='contact_id',
    date_column='received_date'
) }}
