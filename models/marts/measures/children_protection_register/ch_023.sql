{#-
  CH/023: initial and pre-birth initial child protection conferences, each child separately:
  a-i the conferences that decided to register the child, by category of registration, and the same
  conferences by the child’s age on the conference date (age_i-age_v; unborn children in age_i),
  placed in the year by the date held; j-k the conferences that decided not to register (j: still
  has care and support needs, k: no additional eligible needs), placed in the year by the date the
  decision to convene was made. Categories and decisions map to parts in seeds/measure_part_map.csv.
-#}
with

conferences as (
    select * from {{ ref('int_cp_conferences__classified') }}
),

part_map as (
    select * from {{ ref('measure_part_map') }}
    where measure_code = 'CH/023'
),

counted as (
    select * from conferences
    where is_in_ch_023 and collection_year is not null
),

category_items as (
    select
        counted.*,
        part_map.part
    from counted
    inner join part_map
        on
            part_map.code_list = 'cp_category'
            and counted.category_code = part_map.national_code
    where counted.decision_code = 'register'
),

age_band_items as (
    select
        counted.*,
        counted.age_band_part as part
    from counted
    where counted.decision_code = 'register'
),

not_registered_items as (
    select
        counted.*,
        part_map.part
    from counted
    inner join part_map
        on
            part_map.code_list = 'cp_conference_decision'
            and counted.decision_code = part_map.national_code
),

items as (
    select * from category_items
    union all
    select * from age_band_items
    union all
    select * from not_registered_items
)

select
    collection_year,
    'CH/023' as measure_code,
    part,
    'conference' as item_type,
    conference_id as item_id,
    person_id,
    ch_023_event_date as event_date,
    source_reference
from items
