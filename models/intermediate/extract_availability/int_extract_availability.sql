{#-
  What the loaded extract holds, one row per contract column that is loaded (personal columns never
  are), from the raw tables and the load manifest `pif load` writes: is the file present and does it
  have data rows, is the column in the header and filled in at least one row. A file or column that
  is not there gives the reason a measure needing it is "not available from this extract"
  (int_measure_availability). A column blank in every row is available when the contract says a
  blank means "no" (meta blank_means "no"): every row then says no.
-#}
{%- set tables = [] -%}
{%- if execute -%}
    {%- for node in graph.sources.values() | sort(attribute='name') -%}
        {%- if node.source_name == 'wccis' -%}{%- do tables.append(node) -%}{%- endif -%}
    {%- endfor -%}
{%- endif %}
with

manifest as (
    select * from {{ source('pif_load', '_pif_extract_manifest') }}
),

{%- set entries = [] %}
{%- for table in tables %}
    {%- set table_meta = table.meta if table.meta else table.config.meta %}
    {%- set table_index = loop.index %}
    {%- for column in table.columns.values() if not wccis_column_meta(column).get('personal') %}
        {%- set meta = wccis_column_meta(column) %}
        {%- do entries.append({
            'table': table.name,
            'file': table_meta['file'],
            'optional': 'true' if table_meta.get('optional') else 'false',
            'column': column.name,
            'required': 'true' if meta.get('required') or column.name == table_meta['primary_key'] else 'false',
            'blank_means': 'no' if meta.get('blank_means') in ('no', false) else 'not_recorded',
            'counts': 'counts_' ~ table_index,
            'filled': 'filled_' ~ column.name,
        }) %}
    {%- endfor %}
{%- endfor %}
{%- for table in tables %}

    counts_{{ loop.index }} as (
        select
            {%- for column in table.columns.values() if not wccis_column_meta(column).get('personal') %}
                count(nullif(trim(cast({{ column.name }} as {{ dbt.type_string() }})), '')) as filled_{{ column.name }},
            {%- endfor %}
            count(*) as row_count
        from {{ source('wccis', table.name) }}
    ),
{%- endfor %}

column_counts as (
    {%- for entry in entries %}
        select
            '{{ entry.table }}' as table_name,
            '{{ entry.file }}' as file_name,
            {{ entry.optional }} as is_optional_file,
            '{{ entry.column }}' as column_name,
            {{ entry.required }} as is_required_column,
            '{{ entry.blank_means }}' as blank_means,
            row_count,
            {{ entry.filled }} as filled_rows
        from {{ entry.counts }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

statuses as (
    select
        column_counts.table_name,
        column_counts.file_name,
        column_counts.is_optional_file,
        column_counts.column_name,
        column_counts.is_required_column,
        column_counts.blank_means,
        cast(column_counts.row_count as integer) as row_count,
        cast(column_counts.filled_rows as integer) as filled_rows,
        case
            when manifest.file_status = 'absent' then 'absent'
            when column_counts.row_count = 0 then 'no_rows'
            else 'present'
        end as file_status,
        case
            when manifest.column_status = 'absent' then 'absent'
            when column_counts.filled_rows = 0 then 'blank'
            else 'filled'
        end as column_status
    from column_counts
    left join manifest
        on
            column_counts.table_name = manifest.table_name
            and column_counts.column_name = manifest.column_name
)

select
    table_name,
    file_name,
    is_optional_file,
    column_name,
    is_required_column,
    blank_means,
    row_count,
    filled_rows,
    file_status,
    column_status,
    case
        when file_status = 'absent' then file_name || ' is absent'
        when file_status = 'no_rows' then file_name || ' has a header but no data rows'
    end as file_unavailable_reason,
    case
        when file_status <> 'present' then null
        when column_status = 'absent' then 'column ' || column_name || ' is not in the header of ' || file_name
        when column_status = 'blank' and blank_means <> 'no'
            then 'column ' || column_name || ' is blank in every row of ' || file_name
    end as column_unavailable_reason
from statuses
