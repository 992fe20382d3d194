{#-
  CH/025b: CH/023 (a-k) conferences held within 15 working days (var
  initial_conference_timescale_working_days) of the strategy meeting that initiated the section 47
  enquiry leading to them (day zero), in the year CH/023 places them; unborn children included.
-#}
with

conferences as (
    select * from {{ ref('int_cp_conferences__classified') }}
)

select
    collection_year,
    'CH/025b' as measure_code,
    '' as part,
    'conference' as item_type,
    conference_id as item_id,
    person_id,
    ch_023_event_date as event_date,
    source_reference
from conferences
where
    is_in_ch_023
    and ch_025b_exclusion_reason is null
    and collection_year is not null
