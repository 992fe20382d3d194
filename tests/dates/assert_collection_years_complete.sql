{#
  int_collection_years holds exactly the configured collection years
  (var('first_collection_year') .. var('last_collection_year')), each 1 April to 31 March, with
  one current and one previous year. Fails when a configured year falls outside the working_days
  calendar (2015..2035) or a row is malformed. Returns one row per problem.
#}
with collection_years as (

    select * from {{ ref('int_collection_years') }}

),

summary as (

    select
        count(*) as year_count,
        min(collection_year_start) as first_year,
        max(collection_year_start) as last_year,
        sum(case when is_current then 1 else 0 end) as current_count,
        sum(case when is_previous then 1 else 0 end) as previous_count
    from collection_years

),

summary_failures as (

    select 'configured years missing or extra' as problem, cast(null as {{ dbt.type_string() }}) as collection_year
    from summary
    where
        year_count <> {{ var('last_collection_year') }} - {{ var('first_collection_year') }} + 1
        or first_year <> {{ var('first_collection_year') }}
        or last_year <> {{ var('last_collection_year') }}
        or current_count <> 1
        or previous_count <> (
            case when {{ var('last_collection_year') }} > {{ var('first_collection_year') }} then 1 else 0 end
        )

),

row_failures as (

    select 'malformed year' as problem, collection_year
    from collection_years
    where
        extract(month from start_date) <> 4
        or extract(day from start_date) <> 1
        or extract(year from start_date) <> collection_year_start
        or extract(month from end_date) <> 3
        or extract(day from end_date) <> 31
        or extract(year from end_date) <> collection_year_start + 1
        or collection_year <> {{ collection_year_label('collection_year_start') }}
        or is_current <> (collection_year_start = {{ var('last_collection_year') }})

)

select problem, collection_year from summary_failures
union all
select problem, collection_year from row_failures
