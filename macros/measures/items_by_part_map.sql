{#
  The items of a measure that splits its base measure’s records by a code, through
  seeds/measure_part_map.csv (CH/004 and AD/003 by contact source, CH/007, CH/014, AD/005 and AD/009
  by assessment outcome): each record of `records` meeting `condition` (the base measure) in the
  part its `code_column` maps to for this measure and `code_list`; a record whose code maps to no
  part is in none (the exactly_one_part_per_item tests catch it).
#}
{% macro items_by_part_map(measure_code, records, condition, code_list, code_column, item_type, id_column, date_column) %}
with

records as (
    select * from {{ ref(records) }}
),

code_parts as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = '{{ measure_code }}' and code_list = '{{ code_list }}'
)

select
    records.collection_year,
    '{{ measure_code }}' as measure_code,
    code_parts.part,
    '{{ item_type }}' as item_type,
    records.{{ id_column }} as item_id,
    records.person_id,
    records.{{ date_column }} as event_date,
    records.source_reference
from records
inner join code_parts
    on records.{{ code_column }} = code_parts.national_code
where records.{{ condition }}
{% endmacro %}
