{#- AS/006 a-b: investigations concluded during the year, criminal (a) and non-criminal (b). -#}
{{ items_by_part_map(
    measure_code='AS/006',
    records='int_adult_safeguarding_investigations__classified',
    condition='is_in_as_006',
    code_list='adult_investigation_type',
    code_column='investigation_type_code',
    item_type='adult_safeguarding_investigation',
    id_column='investigation_id',
    date_column='concluded_date'
) }}
