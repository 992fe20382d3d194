{#
  One row per collection year (1 April to 31 March) computed by the project, from
  var('first_collection_year') to var('last_collection_year') inclusive (by the calendar year in
  which each starts). Derived from the working_days calendar (its 1 April rows), so no
  database-specific series generator is needed; years outside the calendar (2015..2035) cannot be
  configured, and a singular test checks that every configured year is present.
#}
with working_days as (

    select * from {{ ref('working_days') }}

),

year_starts as (

    select calendar_date as start_date
    from working_days
    where
        extract(month from calendar_date) = 4
        and extract(day from calendar_date) = 1

),

collection_years as (

    select
        {{ collection_year_start('start_date') }} as collection_year_start,
        start_date
    from year_starts

),

configured_years as (

    select
        collection_year_start,
        start_date
    from collection_years
    where
        collection_year_start
        between {{ var('first_collection_year') }} and {{ var('last_collection_year') }}

),

final as (

    select
        {{ collection_year_label('collection_year_start') }} as collection_year,
        collection_year_start,
        start_date,
        cast({{ dbt.dateadd('day', -1, add_months('start_date', 12)) }} as date) as end_date,
        collection_year_start = {{ var('last_collection_year') }} as is_current,
        collection_year_start = {{ var('last_collection_year') }} - 1 as is_previous
    from configured_years

)

select
    collection_year,
    collection_year_start,
    start_date,
    end_date,
    is_current,
    is_previous
from final
