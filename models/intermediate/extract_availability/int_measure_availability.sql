{#-
  Whether each part of each implemented measure can be computed from the loaded extract: not
  available when a file it needs is absent or has no data rows, or a column it needs is not in the
  header or blank in every row (unless blank means "no"; int_extract_availability). One row per
  measure part of measure_coverage’s registry; unavailable_reason is null when available, else
  "not available from this extract: " and every reason, in order.
-#}
with

parts as (
    select distinct
        cast(registry.measure_code as {{ dbt.type_string() }}) as measure_code,
        cast(coalesce(registry.part, '') as {{ dbt.type_string() }}) as part
    from {{ ref('measure_registry') }} as registry
),

needs as (
    select * from {{ ref('int_measure_needs') }}
),

files as (
    select distinct
        table_name,
        file_unavailable_reason
    from {{ ref('int_extract_availability') }}
),

columns_available as (
    select * from {{ ref('int_extract_availability') }}
),

reasons as (
    select distinct
        parts.measure_code,
        parts.part,
        coalesce(files.file_unavailable_reason, columns_available.column_unavailable_reason) as reason
    from parts
    inner join needs
        on
            parts.measure_code = needs.measure_code
            and (needs.part is null or parts.part = needs.part)
    left join files
        on needs.table_name = files.table_name
    left join columns_available
        on
            needs.table_name = columns_available.table_name
            and needs.column_name = columns_available.column_name
    where coalesce(files.file_unavailable_reason, columns_available.column_unavailable_reason) is not null
),

combined as (
    select
        measure_code,
        part,
        {{ dbt.listagg('reason', "'; '", 'order by reason') }} as reasons
    from reasons
    group by measure_code, part
)

select
    parts.measure_code,
    parts.part,
    case
        when combined.reasons is not null then 'not available from this extract: ' || combined.reasons
    end as unavailable_reason
from parts
left join combined
    on
        parts.measure_code = combined.measure_code
        and parts.part = combined.part
