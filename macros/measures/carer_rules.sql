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
