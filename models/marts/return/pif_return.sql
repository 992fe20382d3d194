{#-
  The return: one figure for every part of every implemented measure in every collection year of
  the configured range, zero where nothing qualifies (never a missing row). A part the loaded extract
  cannot give (a file or column it needs is absent or empty: measure_coverage.unavailable_reason)
  has a null value and the reason in unavailable_reason, never 0; a crossed cell takes the reasons
  of its category part and of its age part. A figure is the sum of
  its items’ item_value: the number of items for a count, the total days for a total_days measure.
  The measures of age_breakdowns() also get, for each listed category part, one row per age band
  (breakdown = the age part, e.g. CH/023 part a, breakdown age_ii): the items in both.
-#}
{%- set crossed = age_breakdowns() %}
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

item_totals as (
    select
        collection_year,
        measure_code,
        part,
        '' as breakdown,
        sum(item_value) as item_value
    from items
    group by collection_year, measure_code, part
),

cells as (
    select
        measure_code,
        part,
        '' as breakdown,
        unavailable_reason
    from coverage
    {%- for measure_code, parts in crossed.items() %}
        union all
        select
            category.measure_code,
            category.part,
            age_band.part as breakdown,
            coalesce(category.unavailable_reason, age_band.unavailable_reason) as unavailable_reason
        from coverage as category
        inner join coverage as age_band
            on category.measure_code = age_band.measure_code
        where
            category.measure_code = '{{ measure_code }}'
            and category.part in ({{ quoted_list(parts) }})
            and substr(age_band.part, 1, 4) = 'age_'
    {%- endfor %}
),

crossed_totals as (
    select
        category.collection_year,
        category.measure_code,
        category.part,
        age_band.part as breakdown,
        sum(category.item_value) as item_value
    from items as category
    inner join items as age_band
        on
            category.collection_year = age_band.collection_year
            and category.measure_code = age_band.measure_code
            and category.item_id = age_band.item_id
    where
        substr(age_band.part, 1, 4) = 'age_'
        and (
            {%- for measure_code, parts in crossed.items() %}
                (category.measure_code = '{{ measure_code }}' and category.part in ({{ quoted_list(parts) }}))
                {%- if not loop.last %} or{% endif %}
            {%- endfor %}
        )
    group by category.collection_year, category.measure_code, category.part, age_band.part
),

figures as (
    select * from item_totals
    union all
    select * from crossed_totals
)

select
    collection_years.collection_year,
    cells.measure_code,
    cells.part,
    cells.breakdown,
    cast(
        case when cells.unavailable_reason is null then coalesce(figures.item_value, 0) end
        as {{ dbt.type_bigint() }}
    ) as value,
    cells.unavailable_reason
from cells
cross join collection_years
left join figures
    on
        collection_years.collection_year = figures.collection_year
        and cells.measure_code = figures.measure_code
        and cells.part = figures.part
        and cells.breakdown = figures.breakdown
