{#-
  AS/004a a-g: AD/020 reports by the ethnicity recorded for the report, else the person’s
  (seeds/measure_part_map.csv).
-#}
{{ items_by_part_map(
    measure_code='AS/004a',
    records='int_adult_safeguarding_reports__classified',
    condition='is_in_ad_020',
    code_list='ethnicity',
    code_column='ethnicity_code',
    item_type='adult_safeguarding_report',
    id_column='report_id',
    date_column='received_date'
) }}
