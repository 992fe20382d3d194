{#- CH/016: CH/015a children whose needs are met (all or in part) through a direct payment on 31 March. -#}
with

children as (
    select * from {{ ref('int_child_plans__children_on_31_march') }}
)

select
    collection_year,
    'CH/016' as measure_code,
    '' as part,
    'child' as item_type,
    person_id as item_id,
    person_id,
    snapshot_date as event_date,
    direct_payment_source_reference as source_reference
from children
where is_in_ch_016
