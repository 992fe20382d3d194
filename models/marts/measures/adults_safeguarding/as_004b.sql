{#-
  AS/004b a-d: AD/020 reports by the adult’s gender (seeds/measure_part_map.csv: indeterminate -> c
  Other, none recorded -> d).
-#}
{{ items_by_part_map(
    measure_code='AS/004b',
    records='int_adult_safeguarding_reports__classified',
    condition='is_in_ad_020',
    code_list='gender',
    code_column='gender_code',
    item_type='adult_safeguarding_report',
    id_column='report_id',
    date_column='received_date'
) }}
