{#-
  CH/049-CH/055: why a candidate record is not counted, one row per record, collection year and
  measure (unioned into measure_exclusions). CH/050 and CH/051 list only CH/049 young people (those
  outside CH/049 are CH/049's exclusions); CH/054 lists only CH/053 young people in category 2-4
  (part b only those in part a). CH/053's candidates are the young people with a status open on
  31 March; CH/052's the homelessness periods overlapping the year; CH/055's the E10 endings.
-#}
with

plans_due as (
    select * from {{ ref('int_care_leavers__pathway_plans_due') }}
),

homelessness as (
    select * from {{ ref('int_care_leaver_activities__homelessness') }}
),

on_31_march as (
    select * from {{ ref('int_care_leavers__on_31_march') }}
),

eet as (
    select * from {{ ref('int_care_leavers__eet_on_31_march') }}
),

when_i_am_ready as (
    select * from {{ ref('int_lac_episodes__when_i_am_ready') }}
)

{%- for measure in ['ch_049', 'ch_050', 'ch_051'] %}

    select
        collection_year,
        '{{ measure | upper | replace("_", "/") }}' as measure_code,
        'initial_pathway_plan_due' as item_type,
        care_leaver_status_id as item_id,
        person_id,
        became_date as event_date,
        {{ measure }}_exclusion_reason as exclusion_reason,
        source_reference
    from plans_due
    where {{ measure }}_exclusion_reason is not null
    union all
{%- endfor %}

select
    collection_year,
    'CH/052' as measure_code,
    'homelessness_period' as item_type,
    activity_id as item_id,
    person_id,
    event_date,
    ch_052_exclusion_reason as exclusion_reason,
    source_reference
from homelessness
where ch_052_exclusion_reason is not null

union all

select
    collection_year,
    'CH/053' as measure_code,
    'care_leaver' as item_type,
    person_id as item_id,
    person_id,
    year_end_date as event_date,
    ch_053_exclusion_reason as exclusion_reason,
    source_reference
from on_31_march
where ch_053_exclusion_reason is not null

union all

select
    collection_year,
    'CH/054' as measure_code,
    'care_leaver' as item_type,
    person_id as item_id,
    person_id,
    year_end_date as event_date,
    coalesce(ch_054a_exclusion_reason, ch_054b_exclusion_reason) as exclusion_reason,
    source_reference
from eet
where coalesce(ch_054a_exclusion_reason, ch_054b_exclusion_reason) is not null

union all

select
    collection_year,
    'CH/055' as measure_code,
    'young_person' as item_type,
    episode_id as item_id,
    person_id,
    end_date as event_date,
    ch_055_exclusion_reason as exclusion_reason,
    source_reference
from when_i_am_ready
where ch_055_exclusion_reason is not null
