{#-
  CA/001-CA/007, CA/011-CA/016: why a candidate carer's contact, assessment or offer is not counted, one
  row per record, collection year and measure with an exclusion rule (unioned into measure_exclusions).
  A record is listed under its carer group's measures (adult: CA/001, CA/002, CA/004; young: CA/011,
  CA/012, CA/014); one whose group cannot be told (no date of birth) under both. A record excluded from
  a base measure (CA/001, CA/011, CA/004, CA/014) is not repeated for the measures derived from it.
  CA/006 lists every offer to an adult carer in the year that is not a counted refusal.
-#}
with

contacts as (
    select * from {{ ref('int_carer_contacts__classified') }}
),

assessments as (
    select * from {{ ref('int_carer_assessments__classified') }}
),

offers as (
    select * from {{ ref('int_carer_assessment_offers__refusals') }}
)

{%- set contact_rules = [
    ('CA/001', 'adult', 'carer_contact_exclusion_reason', none),
    ('CA/002', 'adult', 'advice_or_assistance_exclusion_reason', 'is_counted_contact'),
    ('CA/011', 'young', 'carer_contact_exclusion_reason', none),
    ('CA/012', 'young', 'advice_or_assistance_exclusion_reason', 'is_counted_contact'),
] %}
{%- set assessment_rules = [('CA/004', 'adult'), ('CA/014', 'young')] %}
{%- for measure_code, group, reason, base in contact_rules %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'contact' as item_type,
        contact_id as item_id,
        person_id,
        received_date as event_date,
        {{ reason }} as exclusion_reason,
        source_reference
    from contacts
    where
        {{ reason }} is not null
        and (carer_group = '{{ group }}' or carer_group is null)
        {%- if base %}
            and {{ base }}
        {%- endif %}
    union all
{%- endfor %}
{%- for measure_code, group in assessment_rules %}
    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'assessment' as item_type,
        assessment_id as item_id,
        person_id,
        completed_date as event_date,
        carer_assessment_exclusion_reason as exclusion_reason,
        source_reference
    from assessments
    where
        carer_assessment_exclusion_reason is not null
        and (carer_group = '{{ group }}' or carer_group is null)
    union all
{%- endfor %}
select
    collection_year,
    'CA/006' as measure_code,
    'carer_assessment_offer' as item_type,
    offer_id as item_id,
    person_id,
    offered_date as event_date,
    ca_006_exclusion_reason as exclusion_reason,
    source_reference
from offers
where ca_006_exclusion_reason is not null
