{#-
  AS/007 a: enquiries of the AD/023 base whose decision (start) fell in the year of the report;
  b: strategy meetings and discussions held in the year; c: case conferences held in the year
  (review conferences included by default). Meetings: one item per meeting per adult.
-#}
with

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
),

meetings as (
    select * from {{ ref('int_adult_safeguarding_meetings__classified') }}
)

select
    collection_year,
    'AS/007' as measure_code,
    'a' as part,
    'adult_safeguarding_enquiry' as item_type,
    enquiry_id as item_id,
    person_id,
    start_date as event_date,
    source_reference
from enquiries
where is_in_as_007a

union all

select
    collection_year,
    'AS/007' as measure_code,
    as_007_part as part,
    'adult_safeguarding_meeting' as item_type,
    meeting_id as item_id,
    person_id,
    held_date as event_date,
    source_reference
from meetings
where is_in_as_007
