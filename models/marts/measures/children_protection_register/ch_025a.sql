{#-
  CH/025a: pre-birth initial child protection conferences held during the year (a pre-birth initial
  conference, or an initial conference held while the child was unborn), one per child per year: the
  first held.
-#}
with

conferences as (
    select * from {{ ref('int_cp_conferences__classified') }}
)

select
    held_collection_year as collection_year,
    'CH/025a' as measure_code,
    '' as part,
    'conference' as item_type,
    conference_id as item_id,
    person_id,
    conference_date as event_date,
    source_reference
from conferences
where
    is_ch_025a_candidate
    and ch_025a_exclusion_reason is null
    and held_collection_year is not null
