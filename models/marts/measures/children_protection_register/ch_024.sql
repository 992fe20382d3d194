{#-
  CH/024: children added to the child protection register during the year, each child once:
  (a) all children; (b) children on the register at any time in the 12 months (var
  cp_reregistration_lookback_months) before a registration counted in (a). A pre-birth registration
  adds the child on the day of birth. One item per child and part, dated by the registration counted.
-#}
with

registrations as (
    select * from {{ ref('int_cp_registrations__additions') }}
),

part_a as (
    select
        collection_year,
        'a' as part,
        person_id,
        added_date,
        source_reference
    from registrations
    where ch_024a_exclusion_reason is null
),

part_b as (
    select
        collection_year,
        'b' as part,
        person_id,
        added_date,
        source_reference
    from registrations
    where ch_024b_exclusion_reason is null
),

items as (
    select * from part_a
    union all
    select * from part_b
)

select
    collection_year,
    'CH/024' as measure_code,
    part,
    'child' as item_type,
    person_id as item_id,
    person_id,
    added_date as event_date,
    source_reference
from items
