{#-
  AD/009 a-c: AD/008 repeat assessments by concluded outcome, mapped as AD/005.
-#}
{{ items_by_part_map(
    measure_code='AD/009',
    records='int_adult_assessments__classified',
    condition='ad_008_exclusion_reason is null',
    code_list='assessment_outcome',
    code_column='outcome_code',
    item_type='assessment',
    id_column='assessment_id',
    date_column='completed_date'
) }}
