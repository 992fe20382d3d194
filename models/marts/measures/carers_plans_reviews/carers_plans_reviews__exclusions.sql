{#-
  CA/008-CA/010, CA/017-CA/020: why a candidate record is not counted, one row per record, collection
  year and measure (unioned into measure_exclusions).
  - CA/008, CA/017: plans open on 31 March that could meet a carer’s needs but do not count, of carers
    not counted at all (item_type plan); a carer counted through another plan has no row.
  - CA/010: CA/009 plans not reviewed in the year (item_type plan).
  - CA/019, CA/020: CA/018 reviews due that were not met in time / by 31 March (item_type review_due).
  - Due dates whose carer group cannot be told (no date of birth) under CA/009 and CA/018.
-#}
with

plans_on_31_march as (
    select * from {{ ref('int_carer_plans__on_31_march') }}
),

due as (
    select * from {{ ref('int_carer_reviews__due') }}
)

{%- for measure_code, group in [('CA/008', 'adult'), ('CA/017', 'young')] %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'plan' as item_type,
        plan_id as item_id,
        person_id,
        snapshot_date as event_date,
        plan_exclusion_reason as exclusion_reason,
        source_reference
    from plans_on_31_march
    where
        not is_in_part_a
        and (carer_group = '{{ group }}' or carer_group is null)

    union all
{%- endfor %}

select
    collection_year,
    'CA/010' as measure_code,
    'plan' as item_type,
    plan_id as item_id,
    person_id,
    due_date as event_date,
    ca_010_exclusion_reason as exclusion_reason,
    source_reference
from due
where carer_group = 'adult' and is_plan_first_due_row_of_group and ca_010_exclusion_reason is not null

{%- for measure_code, prefix in [('CA/019', 'ca_019'), ('CA/020', 'ca_020')] %}

    union all

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'review_due' as item_type,
        due_review_id as item_id,
        person_id,
        due_date as event_date,
        {{ prefix }}_exclusion_reason as exclusion_reason,
        source_reference
    from due
    where carer_group = 'young' and {{ prefix }}_exclusion_reason is not null
{%- endfor %}

{%- for measure_code in ['CA/009', 'CA/018'] %}

    union all

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'review_due' as item_type,
        due_review_id as item_id,
        person_id,
        due_date as event_date,
        due_exclusion_reason as exclusion_reason,
        source_reference
    from due
    where due_exclusion_reason is not null
{%- endfor %}
