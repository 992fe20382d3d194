{#-
  What each implemented measure needs from the extract, one row per need: its files (every contract
  table upstream of the measure’s model in the dbt graph, macro measure_source_tables; part null =
  every part) and the columns declared in seeds/measure_column_needs.csv.
-#}
with

column_needs as (
    select * from {{ ref('measure_column_needs') }}
),

{%- set file_needs = [] %}
{%- for model_name in implemented_measures() %}
    {%- for table_name in measure_source_tables(model_name) %}
        {%- do file_needs.append([measure_code_of(model_name), table_name]) %}
    {%- endfor %}
{%- endfor %}

file_needs as (
    {%- for need in file_needs %}
        select
            '{{ need[0] }}' as measure_code,
            '{{ need[1] }}' as table_name
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select
    measure_code,
    cast(null as {{ dbt.type_string() }}) as part,
    table_name,
    cast(null as {{ dbt.type_string() }}) as column_name,
    'file' as need_kind,
    cast(null as {{ dbt.type_string() }}) as why
from file_needs

union all

select
    cast(measure_code as {{ dbt.type_string() }}) as measure_code,
    cast(nullif(part, '') as {{ dbt.type_string() }}) as part,
    cast(table_name as {{ dbt.type_string() }}) as table_name,
    cast(column_name as {{ dbt.type_string() }}) as column_name,
    'column' as need_kind,
    cast(why as {{ dbt.type_string() }}) as why
from column_needs
