{#-
  CH/030 a-b: child protection visits completed while the child was registered (a), and of those
  the visits within 10 working days of day zero or of the previous completed visit (b), one item
  per visit and part (int_cp_visits__intervals).
-#}
with

visit_intervals as (
    select * from {{ ref('int_cp_visits__intervals') }}
),

parts as (
    select
        collection_year,
        'a' as part,
        visit_id,
        person_id,
        visit_date,
        source_reference
    from visit_intervals
    where ch_030a_exclusion_reason is null

    union all

    select
        collection_year,
        'b' as part,
        visit_id,
        person_id,
        visit_date,
        source_reference
    from visit_intervals
    where ch_030b_exclusion_reason is null
)

select
    collection_year,
    'CH/030' as measure_code,
    part,
    'visit' as item_type,
    visit_id as item_id,
    person_id,
    visit_date as event_date,
    source_reference
from parts
