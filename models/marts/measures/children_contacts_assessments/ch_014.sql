{#- CH/014 a-c: CH/013 repeat assessments by concluded outcome, mapped as CH/007. -#}
{{ items_by_part_map(
    measure_code='CH/014',
    records='int_child_assessments__classified',
    condition='ch_013_exclusion_reason is null',
    code_list='assessment_outcome',
    code_column='outcome_code',
    item_type='assessment',
    id_column='assessment_id',
    date_column='completed_date'
) }}
