{#-
  AD/010-AD/013, AD/016-AD/019: why a candidate record is not counted, one row per record, collection year
  and measure (unioned into measure_exclusions).
  - AD/010: periods of reablement that ended in the year and are not counted (AD/011 adds none: every
    AD/010 period is in exactly one part).
  - AD/012, AD/016: the candidate plans of adults who are not counted at all (item_type plan). An adult
    counted through another plan has no exclusion row.
  - AD/013, AD/017, AD/018: adults counted in the base measure (AD/012, AD/016) but not in this one
    (item_type adult); AD/019: adults in AD/018 but not reviewed in the year.
-#}
with

episodes as (
    select * from {{ ref('int_reablement_episodes__classified') }}
),

plans_on_31_march as (
    select * from {{ ref('int_adult_plans__open_on_31_march') }}
),

review_plans as (
    select * from {{ ref('int_adult_reviews__classified') }}
)

select
    collection_year,
    'AD/010' as measure_code,
    'reablement_episode' as item_type,
    reablement_episode_id as item_id,
    person_id,
    end_date as event_date,
    ad_010_exclusion_reason as exclusion_reason,
    source_reference
from episodes
where ad_010_exclusion_reason is not null

union all

select
    collection_year,
    'AD/012' as measure_code,
    'plan' as item_type,
    plan_id as item_id,
    person_id,
    snapshot_date as event_date,
    ad_012_exclusion_reason as exclusion_reason,
    source_reference
from plans_on_31_march
where not is_in_ad_012

union all

select
    collection_year,
    'AD/013' as measure_code,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    snapshot_date as event_date,
    ad_013_exclusion_reason as exclusion_reason,
    source_reference
from plans_on_31_march
where
    is_person_first_row
    and is_in_ad_012
    and ad_013_exclusion_reason is not null

union all

select
    collection_year,
    'AD/016' as measure_code,
    'plan' as item_type,
    plan_id as item_id,
    person_id,
    coalesce(
        first_due_date_in_year,
        first_due_date_after_extract_date,
        next_due_date,
        case when effective_end_date <= year_end_date then effective_end_date end,
        year_end_date
    ) as event_date,
    ad_016_exclusion_reason as exclusion_reason,
    source_reference
from review_plans
where not is_in_ad_016

union all

select
    collection_year,
    'AD/017' as measure_code,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_due_date_in_year as event_date,
    ad_017_exclusion_reason as exclusion_reason,
    source_reference
from review_plans
where
    is_person_first_row
    and is_in_ad_016
    and ad_017_exclusion_reason is not null

union all

select
    collection_year,
    'AD/018' as measure_code,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_due_date_in_year as event_date,
    ad_018_exclusion_reason as exclusion_reason,
    source_reference
from review_plans
where
    is_person_first_row
    and is_in_ad_016
    and ad_018_exclusion_reason is not null

union all

select
    collection_year,
    'AD/019' as measure_code,
    'adult' as item_type,
    person_id as item_id,
    person_id,
    person_first_direct_payment_due_date_in_year as event_date,
    ad_019_exclusion_reason as exclusion_reason,
    source_reference
from review_plans
where
    is_person_first_row
    and ad_018_exclusion_reason is null
    and ad_019_exclusion_reason is not null
