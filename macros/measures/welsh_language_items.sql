{#
  The items of an active-offer-of-Welsh measure (CH/009, AD/006, CA/007, CA/016), written once: the
  assessments of its base measure (`records` meeting `condition`) where
    a  there was evidence of the active offer of Welsh;
    b  the active offer was accepted - only counted when the offer is evidenced, so b is within a;
    c  the assessment was undertaken in the language of choice (any language).
#}
{% macro welsh_language_items(measure_code, records, condition) %}
with

assessments as (
    select * from {{ ref(records) }}
    where {{ condition }}
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
    '{{ measure_code }}' as measure_code,
    part,
    'assessment' as item_type,
    assessment_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from parts
{% endmacro %}
