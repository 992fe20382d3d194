{#
  working_days_between(start_alias, end_alias) -> integer

  Working days strictly after the start date, up to and including the end date. The pattern:
  join the working_days seed twice, once on each date, and subtract the running working-day
  numbers (set-based: no loop, no correlated subquery).

      with contacts as (select * from {{ ref('contact') }}),
      working_days as (select * from {{ ref('working_days') }}),
      ...
      select
          contacts.contact_id,
          {{ working_days_between('received_day', 'decided_day') }} as working_days_to_decision,
      from contacts
      inner join working_days as received_day
          on contacts.received_date = received_day.calendar_date
      inner join working_days as decided_day
          on contacts.decision_date = decided_day.calendar_date

  Properties (calendar number(D) = working days from the calendar start up to and including D):
  - same day -> 0; Friday 2 May 2025 -> Tuesday 6 May 2025 (May Day Monday) -> 1;
  - the start day itself never counts, whether or not it is a working day ("day zero");
  - a non-working end day adds nothing: Friday -> the following Sunday -> 0, Friday -> an
    ordinary Monday -> 1;
  - end before start gives a negative number.
  Use a left join if a date may fall outside the calendar (2015-01-01 .. 2035-12-31): the result is
  then null. The next working day strictly after D is the seed’s next_working_day column.
#}
{% macro working_days_between(start_alias, end_alias) -%}
  ({{ end_alias }}.working_day_number - {{ start_alias }}.working_day_number)
{%- endmacro %}
