{#-
  CH/053 a-f: care-experienced young people on 31 March by category (section 104 categories 1-6 to
  parts a-f through seeds/measure_part_map.csv), each once; dated 31 March, traced to the status
  period they are counted in.
-#}
{{ items_by_part_map(
    'CH/053', 'int_care_leavers__on_31_march', 'is_in_ch_053',
    'care_leaver_category', 'category_code', 'care_leaver', 'person_id', 'year_end_date'
) }}
