{#
  Contact rules shared by the children's, adults' and carers' contact measures, written once.

  advice_or_assistance_exclusion_reason(base_reason, base_label): a SQL expression giving why a
    contact of a base measure (CH/001, AD/001b, CA/001, CA/011) is not one where advice or assistance
    was provided (CH/002, AD/002, CA/002, CA/012), null when it is: the outcome is one of var
    advice_or_assistance_contact_outcomes and a what matters conversation was held and the five
    elements of assessment considered (Part 2 Code para. 300). base_reason is the column holding the
    base measure's exclusion reason; base_label names the base measure in the reason.
#}
{% macro advice_or_assistance_exclusion_reason(base_reason, base_label) -%}
    case
        when {{ base_reason }} is not null then 'not in {{ base_label }}'
        when outcome_code is null then 'contact outcome not recorded'
        when outcome_code not in ({{ quoted_list(var('advice_or_assistance_contact_outcomes')) }})
            then 'outcome was ' || outcome_code || ', not advice or assistance'
        when not (is_what_matters_conversation_held and is_five_elements_considered)
            then 'five elements of assessment not considered or no what matters conversation'
    end
{%- endmacro %}
