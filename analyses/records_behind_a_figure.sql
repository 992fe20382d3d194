-- The records behind one figure of the return, with the extract line of each and, for the
-- records considered but not counted, why. Compile with
--   dbt compile --select records_behind_a_figure --vars '{measure_code: "CH/003", part: "", year: "2026-27"}'
-- and run the SQL in target/compiled/ against your warehouse.
{% set measure_code = var('measure_code', 'CH/001') %}
{% set part = var('part', '') %}
{% set year = var('year', '2026-27') %}

select
    'counted' as status,
    item_id,
    person_id,
    event_date,
    cast(null as {{ dbt.type_string() }}) as exclusion_reason,
    source_reference
from {{ ref('measure_items') }}
where
    measure_code = '{{ measure_code }}'
    and part = '{{ part }}'
    and collection_year = '{{ year }}'

union all

select
    'not counted' as status,
    item_id,
    person_id,
    event_date,
    exclusion_reason,
    source_reference
from {{ ref('measure_exclusions') }}
where
    measure_code = '{{ measure_code }}'
    and collection_year = '{{ year }}'
