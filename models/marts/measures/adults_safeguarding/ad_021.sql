{#- AD/021 a-r: AD/020 reports by who made them (contact_source, seeds/measure_part_map.csv, as AD/003). -#}
{{ items_by_part_map(
    measure_code='AD/021',
    records='int_adult_safeguarding_reports__classified',
    condition='is_in_ad_020',
    code_list='contact_source',
    code_column='report_source_code',
    item_type='adult_safeguarding_report',
    id_column='report_id',
    date_column='received_date'
) }}
