{#
  Contact source "Local Authority" (CH/004 k, AD/003 k, AD/021, CA/003 k, CA/013 k): the catalogue’s
  only explanation of it (CA/003, CA/013) says it includes other local authorities in Wales, England,
  Scotland and Northern Ireland (and overseas local government). Decided once for every contact-source
  measure (docs/interpretations.md): the local code OLA (another local authority) maps to the national
  source local_authority, and local_authority is part k of each contact-source measure. Returns the
  rows that break it.
#}
with

code_map as (
    select * from {{ ref('code_map') }}
),

part_map as (
    select * from {{ ref('measure_part_map') }}
),

expected_parts as (
    select 'CH/004' as measure_code
    union all select 'AD/003'
    union all select 'CA/003'
    union all select 'CA/013'
)

select
    'OLA not mapped to local_authority' as problem,
    code_map.local_code as detail
from code_map
where
    code_map.code_list = 'contact_source'
    and upper(code_map.local_code) = 'OLA'
    and code_map.national_code <> 'local_authority'

union all

select
    'no OLA row in the contact_source code list' as problem,
    '' as detail
where not exists (
    select 1 from code_map
    where code_list = 'contact_source' and upper(local_code) = 'OLA'
)

union all

select
    'local_authority is not part k' as problem,
    expected_parts.measure_code as detail
from expected_parts
left join part_map
    on
        expected_parts.measure_code = part_map.measure_code
        and part_map.code_list = 'contact_source'
        and part_map.national_code = 'local_authority'
        and part_map.part = 'k'
where part_map.measure_code is null
