-- Every column need declared in seeds/measure_column_needs.csv names an implemented measure (and a
-- part of it, when given), a table its model reads (a file need of the same measure) and a loaded
-- contract column of that table. Returns the declared rows that do not.
with

declared as (
    select * from {{ ref('int_measure_needs') }}
    where need_kind = 'column'
)

select
    declared.measure_code,
    declared.part,
    declared.table_name,
    declared.column_name
from declared
where
    not exists (
        select 1 from {{ ref('int_measure_needs') }} as files
        where
            files.need_kind = 'file'
            and files.measure_code = declared.measure_code
            and files.table_name = declared.table_name
    )
    or not exists (
        select 1 from {{ ref('int_extract_availability') }} as loaded
        where loaded.table_name = declared.table_name and loaded.column_name = declared.column_name
    )
    or (
        declared.part is not null
        and not exists (
            select 1 from {{ ref('measure_coverage') }} as coverage
            where
                coverage.is_implemented
                and coverage.measure_code = declared.measure_code
                and coverage.part = declared.part
        )
    )
