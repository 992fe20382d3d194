{#-
  CA/015 a-c: CA/014 assessments by concluded outcome: (a) needs could be met with a support plan or a
  care and support plan, (b) met by any other means, (c) no eligible needs (seeds/measure_part_map.csv;
  the eight National Assessment and Eligibility Tool results are mapped in seeds/code_map.csv).
-#}
{{ items_by_part_map(
    measure_code='CA/015',
    records='int_carer_assessments__classified',
    condition="is_counted_assessment and carer_group = 'young'",
    code_list='assessment_outcome',
    code_column='outcome_code',
    item_type='assessment',
    id_column='assessment_id',
    date_column='completed_date'
) }}
