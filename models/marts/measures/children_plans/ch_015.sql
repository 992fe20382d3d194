{#- CH/015 a-b: children with a care and support plan on 31 March (a), who also have needs as a young carer (b). -#}
with

children as (
    select * from {{ ref('int_child_plans__children_on_31_march') }}
),

part_a as (
    select
        collection_year,
        'CH/015' as measure_code,
        'a' as part,
        'child' as item_type,
        person_id as item_id,
        person_id,
        snapshot_date as event_date,
        source_reference
    from children
    where is_in_ch_015a
),

part_b as (
    select
        collection_year,
        'CH/015' as measure_code,
        'b' as part,
        'child' as item_type,
        person_id as item_id,
        person_id,
        snapshot_date as event_date,
        carer_source_reference as source_reference
    from children
    where is_in_ch_015b
),

parts as (
    select * from part_a
    union all
    select * from part_b
)

select
    collection_year,
    measure_code,
    part,
    item_type,
    item_id,
    person_id,
    event_date,
    source_reference
from parts
