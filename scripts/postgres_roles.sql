-- One-off setup of the PIF access model on PostgreSQL, run by an administrator (a superuser or a
-- role with CREATEROLE) in the warehouse database, before the first `pif run`:
--   psql "host=... dbname=pif user=admin sslmode=require" -f scripts/postgres_roles.sql
-- Safe to run again. Roles (names are the defaults; pif/dbt read PIF_REPORTING_ROLE and
-- PIF_ANALYST_ROLE if you choose others):
--   pif_reporting  reads only the aggregate return: schema <schema>_return (pif_return,
--                  measure_coverage, pif_runs, pif_return_history).
--   pif_analyst    also reads the item-level marts: <schema>_marts (measure_items,
--                  measure_exclusions, every measure model: one row per person).
--   Neither can read <schema>_raw, _staging, _canonical, _intermediate or _reference. dbt grants
--   select on each table as it builds it (dbt_project.yml `grants`), and usage on the two schemas
--   (macro grant_schema_usage), so the grants survive every rebuild.
--   The builder (the login in PIF_PG_USER that runs `pif run`) owns the schemas it creates; give it
--   CREATE on the database and nothing else, e.g.:
--   create role pif_builder login password '...'; grant create on database pif to pif_builder;
-- People log in with their own roles, members of a group role, e.g.:
--   create role jane login password '...' in role pif_reporting;

do $$
begin
  if not exists (select from pg_roles where rolname = 'pif_reporting') then
    create role pif_reporting nologin;
  end if;
  if not exists (select from pg_roles where rolname = 'pif_analyst') then
    create role pif_analyst nologin;
  end if;
end
$$;

-- Nobody but the builder creates objects in the public schema.
revoke create on schema public from public;
