{#-
  CH/042 a-b: statutory visits to looked-after children completed during the year (a), and of those
  the visits within the statutory interval of the previous visit or of day zero (b), one item per
  visit and part (int_lac_visits__classified).
-#}
with

visits as (
    select * from {{ ref('int_lac_visits__classified') }}
),

parts as (
    select
        collection_year,
        'a' as part,
        visit_id,
        person_id,
        visit_date,
        source_reference
    from visits
    where ch_042a_exclusion_reason is null

    union all

    select
        collection_year,
        'b' as part,
        visit_id,
        person_id,
        visit_date,
        source_reference
    from visits
    where ch_042b_exclusion_reason is null
)

select
    collection_year,
    'CH/042' as measure_code,
    part,
    'visit' as item_type,
    visit_id as item_id,
    person_id,
    visit_date as event_date,
    source_reference
from parts
