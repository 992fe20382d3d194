{#-
  CH/001-CH/014: why a candidate contact or assessment is not counted, one row per record,
  collection year and measure with an exclusion rule (unioned into measure_exclusions). A record excluded from a base measure (CH/001, CH/006) is not
  repeated for the measures derived from it.
-#}
with

contacts as (
    select * from {{ ref('int_child_contacts__classified') }}
),

assessments as (
    select * from {{ ref('int_child_assessments__classified') }}
)

{%- set contact_rules = [('CH/001', 'ch_001'), ('CH/002', 'ch_002'), ('CH/003', 'ch_003')] %}
{%- set assessment_rules = [('CH/006', 'ch_006'), ('CH/012', 'ch_012'), ('CH/013', 'ch_013')] %}
{%- for measure_code, prefix in contact_rules %}

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
        {%- if measure_code != 'CH/001' %}
            and is_in_ch_001
        {%- endif %}
    union all
{%- endfor %}
{%- for measure_code, prefix in assessment_rules %}
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
        {%- if measure_code != 'CH/006' %}
            and is_in_ch_006
        {%- endif %}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
