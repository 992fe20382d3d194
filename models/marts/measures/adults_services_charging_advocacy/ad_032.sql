{#- AD/032: instances in the year where an independent professional advocate was deemed necessary. -#}
with

advocacy_needs as (
    select * from {{ ref('int_advocacy_needs__classified') }}
)

select
    collection_year,
    'AD/032' as measure_code,
    '' as part,
    'advocacy_need' as item_type,
    advocacy_need_id as item_id,
    person_id,
    identified_date as event_date,
    source_reference
from advocacy_needs
where is_in_ad_032
