{#-
  AD/006: AD/004 assessments where (a) there was evidence of the active offer of Welsh; (b) the
  active offer was accepted - only counted when the offer is evidenced, so b is within a;
  (c) the assessment was undertaken in the language of choice (any language).
-#}
with

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
    where is_in_ad_004
),

parts as (
    select
        assessments.*,
        'a' as part
    from assessments
    where assessments.is_welsh_active_offer_made
    union all
    select
        assessments.*,
        'b' as part
    from assessments
    where assessments.is_welsh_active_offer_made and assessments.is_welsh_active_offer_accepted
    union all
    select
        assessments.*,
        'c' as part
    from assessments
    where assessments.is_language_of_choice_used
)

select
    collection_year,
    'AD/006' as measure_code,
    part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from parts
