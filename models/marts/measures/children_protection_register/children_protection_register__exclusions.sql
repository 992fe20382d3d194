{#-
  CH/023-CH/028, CH/035-CH/036: why a candidate conference, registration or core group meeting is
  not counted, one row per record, collection year and measure (unioned into measure_exclusions).
  A conference excluded from CH/023 is not repeated for CH/025b (derived from it); CH/024b and
  CH/026a list only records counted in CH/024a and CH/026b, with the part named in the reason.
-#}
with

conferences as (
    select * from {{ ref('int_cp_conferences__classified') }}
),

additions as (
    select * from {{ ref('int_cp_registrations__additions') }}
),

registration_years as (
    select * from {{ ref('int_cp_registrations__register_years') }}
),

deregistrations as (
    select * from {{ ref('int_cp_registrations__deregistrations') }}
),

core_group_meetings as (
    select * from {{ ref('int_cp_core_group_meetings__classified') }}
),

conference_exclusions as (
    select
        collection_year,
        'CH/023' as measure_code,
        'conference' as item_type,
        conference_id as item_id,
        person_id,
        ch_023_event_date as event_date,
        ch_023_exclusion_reason as exclusion_reason,
        source_reference
    from conferences
    where ch_023_exclusion_reason is not null and collection_year is not null
    union all
    select
        held_collection_year as collection_year,
        'CH/025a' as measure_code,
        'conference' as item_type,
        conference_id as item_id,
        person_id,
        conference_date as event_date,
        ch_025a_exclusion_reason as exclusion_reason,
        source_reference
    from conferences
    where is_ch_025a_candidate and ch_025a_exclusion_reason is not null and held_collection_year is not null
    union all
    select
        collection_year,
        'CH/025b' as measure_code,
        'conference' as item_type,
        conference_id as item_id,
        person_id,
        ch_023_event_date as event_date,
        ch_025b_exclusion_reason as exclusion_reason,
        source_reference
    from conferences
    where is_in_ch_023 and ch_025b_exclusion_reason is not null and collection_year is not null
    union all
    select
        collection_year,
        'CH/027' as measure_code,
        'conference' as item_type,
        conference_id as item_id,
        person_id,
        ch_023_event_date as event_date,
        ch_027_exclusion_reason as exclusion_reason,
        source_reference
    from conferences
    where decision_code = 'register' and ch_027_exclusion_reason is not null and collection_year is not null
),

registration_exclusions as (
    select
        collection_year,
        'CH/024' as measure_code,
        'registration' as item_type,
        registration_id as item_id,
        person_id,
        added_date as event_date,
        'part a: ' || ch_024a_exclusion_reason as exclusion_reason,
        source_reference
    from additions
    where ch_024a_exclusion_reason is not null
    union all
    select
        collection_year,
        'CH/024' as measure_code,
        'registration' as item_type,
        registration_id as item_id,
        person_id,
        added_date as event_date,
        'part b: ' || ch_024b_exclusion_reason as exclusion_reason,
        source_reference
    from additions
    where ch_024a_exclusion_reason is null and ch_024b_exclusion_reason is not null
    union all
    select
        collection_year,
        'CH/026' as measure_code,
        'registration' as item_type,
        registration_id as item_id,
        person_id,
        case when start_date > year_start_date then start_date else year_start_date end as event_date,
        'part b: ' || ch_026b_exclusion_reason as exclusion_reason,
        source_reference
    from registration_years
    where ch_026b_exclusion_reason is not null
    union all
    select
        collection_year,
        'CH/026' as measure_code,
        'registration' as item_type,
        registration_id as item_id,
        person_id,
        year_end_date as event_date,
        'part a: ' || ch_026a_exclusion_reason as exclusion_reason,
        source_reference
    from registration_years
    where
        ch_026b_exclusion_reason is null
        and is_registered_on_31_march
        and ch_026a_exclusion_reason is not null
    union all
    select
        collection_year,
        'CH/035' as measure_code,
        'registration' as item_type,
        registration_id as item_id,
        person_id,
        end_date as event_date,
        ch_035_exclusion_reason as exclusion_reason,
        source_reference
    from deregistrations
    where ch_035_exclusion_reason is not null
    union all
    select
        collection_year,
        'CH/036' as measure_code,
        'registration' as item_type,
        registration_id as item_id,
        person_id,
        end_date as event_date,
        ch_036_exclusion_reason as exclusion_reason,
        source_reference
    from deregistrations
    where ch_036_exclusion_reason is not null
),

meeting_exclusions as (
    select
        collection_year,
        'CH/028' as measure_code,
        'core_group_meeting' as item_type,
        core_group_meeting_id as item_id,
        person_id,
        meeting_date as event_date,
        ch_028_exclusion_reason as exclusion_reason,
        source_reference
    from core_group_meetings
    where ch_028_exclusion_reason is not null
),

exclusions as (
    select * from conference_exclusions
    union all
    select * from registration_exclusions
    union all
    select * from meeting_exclusions
)

select
    collection_year,
    measure_code,
    item_type,
    item_id,
    person_id,
    event_date,
    exclusion_reason,
    source_reference
from exclusions
