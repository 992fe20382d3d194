{#
  Least privilege on PostgreSQL. dbt’s `grants` config (dbt_project.yml, by folder) grants select on
  each table of the marts and the return as it is built, so grants survive every rebuild; a role also
  needs usage on the schema, which this on-run-end hook grants: the reporting role on the return
  schema only, the analyst role on the return and marts schemas. No other schema (raw, staging,
  canonical, intermediate, reference) is ever granted. Roles: env PIF_REPORTING_ROLE and
  PIF_ANALYST_ROLE (defaults pif_reporting, pif_analyst), created once by an administrator
  (scripts/postgres_roles.sql). DuckDB has no roles: nothing to do.
#}
{% macro grant_schema_usage(schemas) %}
  {{ return(adapter.dispatch('grant_schema_usage', 'pif')(schemas)) }}
{% endmacro %}

{% macro default__grant_schema_usage(schemas) %}
  select 1
{% endmacro %}

{% macro postgres__grant_schema_usage(schemas) %}
  {%- set reporting = env_var('PIF_REPORTING_ROLE', 'pif_reporting') -%}
  {%- set analyst = env_var('PIF_ANALYST_ROLE', 'pif_analyst') -%}
  {%- set statements = [] -%}
  {%- for schema in schemas | unique -%}
    {%- if schema == target.schema ~ '_return' -%}
      {%- for role in [reporting, analyst] if role -%}
        {%- do statements.append('grant usage on schema ' ~ adapter.quote(schema) ~ ' to ' ~ adapter.quote(role)) -%}
      {%- endfor -%}
    {%- elif schema == target.schema ~ '_marts' and analyst -%}
      {%- do statements.append('grant usage on schema ' ~ adapter.quote(schema) ~ ' to ' ~ adapter.quote(analyst)) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ statements | join(';\n') if statements else 'select 1' }}
{% endmacro %}
