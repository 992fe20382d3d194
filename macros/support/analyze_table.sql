{#
  PostgreSQL plans a query from the statistics of the tables it reads; a table just created has none
  until autovacuum gets to it, so the next model’s joins are planned blind (nested loops over tens of
  thousands of rows: issue 15 measured int_assessments__processes at 146 s on the small preset). Every
  table model runs `analyze` on itself as a post-hook on PostgreSQL (dbt_project.yml); DuckDB keeps
  its statistics as it writes and needs nothing.
#}
{% macro analyze_table() %}
  {%- if target.type == 'postgres' and config.get('materialized') in ('table', 'incremental') -%}
    analyze {{ this }}
  {%- endif -%}
{% endmacro %}
