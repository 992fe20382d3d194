{#-
  The return: one figure for every part of every implemented measure in every collection year of
  the configured range, zero where nothing qualifies (never a missing row). A figure is the sum of
  its items' item_value: the number of items for a count, the total days for a total_days measure.
-#}
with

coverage as (
    select * from {{ ref('measure_coverage') }}
    where is_implemented
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

items as (
    select * from {{ ref('measure_items') }}
),

item_counts as (
    select
        collection_year,
        measure_code,
        part,
        sum(item_value) as item_value
    from items
    group by collection_year, measure_code, part
)

select
    collection_years.collection_year,
    coverage.measure_code,
    coverage.part,
    '' as breakdown,
    cast(coalesce(item_counts.item_value, 0) as {{ dbt.type_bigint() }}) as value
from coverage
cross join collection_years
left join item_counts
    on
        collection_years.collection_year = item_counts.collection_year
        and coverage.measure_code = item_counts.measure_code
        and coverage.part = item_counts.part
