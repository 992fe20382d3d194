{#
  Shared definitions used by every measure that asks "on date D":

  is_unborn_on(person, on_date): the person (an alias with date_of_birth and expected_date_of_birth)
    was not born on that date - no date of birth but an expected one, or a date of birth after it.
  age_on(person, on_date): whole years on that date; null when unborn or the date of birth is unknown.
  is_open_on(episode, on_date): a plan, registration or other episode (an alias with start_date and
    end_date) is open on that date - on its first day, on its last day and every day between;
    an episode with no end date is still open.
#}
{% macro is_unborn_on(person, on_date) -%}
(
    ({{ person }}.date_of_birth is null and {{ person }}.expected_date_of_birth is not null)
    or coalesce({{ person }}.date_of_birth > {{ on_date }}, false)
)
{%- endmacro %}

{% macro age_on(person, on_date) -%}
case
    when {{ person }}.date_of_birth <= {{ on_date }}
        then {{ age_at(person ~ '.date_of_birth', on_date) }}
end
{%- endmacro %}

{% macro is_open_on(episode, on_date) -%}
(
    {{ episode }}.start_date <= {{ on_date }}
    and ({{ episode }}.end_date is null or {{ episode }}.end_date >= {{ on_date }})
)
{%- endmacro %}
