{#-
  CH/007 a-c: CH/006 assessments by concluded outcome: (a) needs only met with a care and support
  plan, (b) met by any other means, (c) no eligible needs (seeds/measure_part_map.csv; the eight
  National Assessment and Eligibility Tool results are mapped in seeds/code_map.csv).
-#}
{{ items_by_part_map(
    measure_code='CH/007',
    records='int_child_assessments__classified',
    condition='is_in_ch_006',
    code_list='assessment_outcome',
    code_column='outcome_code',
    item_type='assessment',
    id_column='assessment_id',
    date_column='completed_date'
) }}
