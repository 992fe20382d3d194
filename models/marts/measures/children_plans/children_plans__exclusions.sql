{#-
  CH/015-CH/019: why a candidate child, review due or review is not counted, one row per record,
  collection year and measure (unioned into measure_exclusions). CH/015 lists children with a plan
  open on 31 March not counted in part a and, prefixed "part b:", children with a young carer’s or
  integrated plan not counted in part b; CH/016 children with a direct-payment plan not counted.
  A record excluded from a base measure (CH/015a, CH/019) is listed there only, not again for the
  measures derived from it (CH/015b, CH/016, CH/018).
-#}
with

children as (
    select * from {{ ref('int_child_plans__children_on_31_march') }}
),

occasions as (
    select * from {{ ref('int_child_reviews__occasions') }}
),

reviews as (
    select * from {{ ref('int_child_reviews__classified') }}
),

ch_015a as (
    select
        collection_year,
        'CH/015' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        snapshot_date as event_date,
        ch_015a_exclusion_reason as exclusion_reason,
        source_reference
    from children
    where ch_015a_exclusion_reason is not null
),

ch_015b as (
    select
        collection_year,
        'CH/015' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        snapshot_date as event_date,
        'part b: ' || ch_015b_exclusion_reason as exclusion_reason,
        carer_source_reference as source_reference
    from children
    where
        has_any_carer_plan
        and ch_015b_exclusion_reason is not null
        and ch_015a_exclusion_reason is null
),

ch_016 as (
    select
        collection_year,
        'CH/016' as measure_code,
        'child' as item_type,
        person_id as item_id,
        person_id,
        snapshot_date as event_date,
        ch_016_exclusion_reason as exclusion_reason,
        direct_payment_source_reference as source_reference
    from children
    where
        has_any_direct_payment_plan
        and ch_016_exclusion_reason is not null
        and ch_015a_exclusion_reason is null
),

ch_017 as (
    select
        collection_year,
        'CH/017' as measure_code,
        'review_due' as item_type,
        occasion_id as item_id,
        person_id,
        due_date as event_date,
        ch_017_exclusion_reason as exclusion_reason,
        source_reference
    from occasions
    where
        collection_year is not null
        and is_child_on_due_date
        and ch_017_exclusion_reason is not null
),

ch_018 as (
    select
        collection_year,
        'CH/018' as measure_code,
        item_type,
        review_id as item_id,
        person_id,
        review_date as event_date,
        ch_018_exclusion_reason as exclusion_reason,
        source_reference
    from reviews
    where
        is_in_ch_019
        and ch_018_exclusion_reason is not null
),

ch_019 as (
    select
        collection_year,
        'CH/019' as measure_code,
        item_type,
        review_id as item_id,
        person_id,
        review_date as event_date,
        ch_019_exclusion_reason as exclusion_reason,
        source_reference
    from reviews
    where ch_019_exclusion_reason is not null
),

exclusions as (
    select * from ch_015a
    union all
    select * from ch_015b
    union all
    select * from ch_016
    union all
    select * from ch_017
    union all
    select * from ch_018
    union all
    select * from ch_019
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
