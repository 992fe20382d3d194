{#-
  AD/001-AD/009: why a candidate contact or assessment is not counted, one row per record,
  collection year and measure with an exclusion rule (unioned into measure_exclusions). AD/001 lists
  each contact once: a contact in part a but not part b (receiving care and support) says so in its
  reason. A record excluded from a base measure (AD/001b, AD/004) is not repeated for the measures
  derived from it.
-#}
with

contacts as (
    select * from {{ ref('int_adult_contacts__classified') }}
),

assessments as (
    select * from {{ ref('int_adult_assessments__classified') }}
)

{%- set contact_rules = [('AD/001', 'ad_001b', none), ('AD/002', 'ad_002', 'is_in_ad_001b')] %}
{%- set assessment_rules = [('AD/004', 'ad_004', none), ('AD/008', 'ad_008', 'is_in_ad_004')] %}
{%- for measure_code, prefix, base in contact_rules %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'contact' as item_type,
        contact_id as item_id,
        person_id,
        received_date as event_date,
        {{ prefix }}_exclusion_reason as exclusion_reason,
        source_reference
    from contacts
    where
        {{ prefix }}_exclusion_reason is not null
        {%- if base %}
            and {{ base }}
        {%- endif %}
    union all
{%- endfor %}
{%- for measure_code, prefix, base in assessment_rules %}
    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'assessment' as item_type,
        assessment_id as item_id,
        person_id,
        completed_date as event_date,
        {{ prefix }}_exclusion_reason as exclusion_reason,
        source_reference
    from assessments
    where
        {{ prefix }}_exclusion_reason is not null
        {%- if base %}
            and {{ base }}
        {%- endif %}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
