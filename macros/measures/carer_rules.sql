{#
  Who is an adult carer and who is a young carer, decided once for every carers' measure (CA/001-CA/020).

  carer_group(age): 'adult' (18 or over: CA/001-CA/010) or 'young' (under 18: CA/011-CA/020) from
    the person's age in whole years (macro age_at) on the date the measure names: the contact's
    received date (CA/001-CA/003, CA/011-CA/013), the assessment's authorisation (CA/004-CA/007,
    CA/014-CA/016), the offer (CA/006), 31 March (CA/008, CA/017) and the review due date
    (CA/009-CA/010, CA/018-CA/020). The 18th birthday is the first day as an adult carer (a
    29 February birthday moves on 1 March in other years); null when the age is not known.
  carer_measure(group, adult_code, young_code): the measure code of the group, as a SQL expression.
#}
{% macro carer_group(age) -%}
    case
        when {{ age }} >= 18 then 'adult'
        when {{ age }} >= 0 then 'young'
    end
{%- endmacro %}

{% macro carer_measure(group, adult_code, young_code) -%}
    case {{ group }} when 'adult' then '{{ adult_code }}' when 'young' then '{{ young_code }}' end
{%- endmacro %}

{#
  carer_plan_items(measure_code, group): the items of CA/008 (adult) and CA/017 (young): one item per
  carer of the group on 31 March (int_carer_plans__on_31_march), in part a when a plan meeting their
  needs as a carer is counted, and in part b when they also have their own care and support needs met.
#}
{% macro carer_plan_items(measure_code, group) %}
with

plans as (
    select * from {{ ref('int_carer_plans__on_31_march') }}
    where carer_group = '{{ group }}' and is_person_first_row
),

parts as (
    select
        plans.*,
        'a' as part
    from plans
    where is_in_part_a
    union all
    select
        plans.*,
        'b' as part
    from plans
    where is_in_part_b
)

select
    collection_year,
    '{{ measure_code }}' as measure_code,
    part,
    'carer' as item_type,
    person_id as item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from parts
{% endmacro %}
