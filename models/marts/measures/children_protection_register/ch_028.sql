{#-
  CH/028: initial core group meetings held during the year within 10 working days (var
  initial_core_group_timescale_working_days) of the conference that registered the child (day zero),
  for registrations counted in CH/027 of this or an earlier year.
-#}
with

meetings as (
    select * from {{ ref('int_cp_core_group_meetings__classified') }}
)

select
    collection_year,
    'CH/028' as measure_code,
    '' as part,
    'core_group_meeting' as item_type,
    core_group_meeting_id as item_id,
    person_id,
    meeting_date as event_date,
    source_reference
from meetings
where ch_028_exclusion_reason is null
