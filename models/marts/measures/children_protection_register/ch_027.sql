{#-
  CH/027: registrations made at initial and pre-birth initial child protection conferences held
  during the year (each child separately, unborn children included, transfer-in conferences
  excluded) - the initial core group meetings due. The same conferences as CH/023 a-i.
-#}
with

conferences as (
    select * from {{ ref('int_cp_conferences__classified') }}
)

select
    collection_year,
    'CH/027' as measure_code,
    '' as part,
    'conference' as item_type,
    conference_id as item_id,
    person_id,
    ch_023_event_date as event_date,
    source_reference
from conferences
where
    ch_027_exclusion_reason is null
    and collection_year is not null
