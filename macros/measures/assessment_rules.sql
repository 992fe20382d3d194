{#
  Assessment rules shared by the children’s and adults’ assessment measures, written once.

  open_plan_at_start(candidates, plans): a CTE body giving, per candidate assessment, a care and
    support plan open on its start date (a re-assessment: CH/006 exclude 4, AD/004), or none.
  previous_concluded_assessment(candidates, processes): a CTE body giving, per candidate, the latest
    other concluded assessment of the same person (not recorded in error, not "more assessment
    required") completed on or before the candidate’s start and no more than var
    repeat_assessment_lookback_months before it (CH/013, AD/008: exactly 12 months counts).
  Both take relation names (CTEs) with assessment_id, person_id, start_date, completed_date, ...
#}
{% macro open_plan_at_start(candidates, plans) -%}
    {{ open_plan_on(candidates, plans, 'assessment_id', 'start_date') }}
{%- endmacro %}

{#
  open_plan_on(candidates, plans, id_column, date_column, plan_column='open_plan_id'): a CTE body giving,
  per candidate record (id_column), the lowest plan_id of the person's `plans` open (macro is_open_on) on
  the candidate's date_column, or no row: "receiving care and support at the time of the contact"
  (CH/001, AD/001b), "already has a plan" (re-assessments), "in receipt of support as a carer" (CA/001,
  CA/011, CA/006).
#}
{% macro open_plan_on(candidates, plans, id_column, date_column, plan_column='open_plan_id') -%}
    select
        {{ candidates }}.{{ id_column }},
        min({{ plans }}.plan_id) as {{ plan_column }}
    from {{ candidates }}
    inner join {{ plans }}
        on
            {{ candidates }}.person_id = {{ plans }}.person_id
            and {{ is_open_on(plans, candidates ~ '.' ~ date_column) }}
    group by {{ candidates }}.{{ id_column }}
{%- endmacro %}

{% macro previous_concluded_assessment(candidates, processes) -%}
    select
        {{ candidates }}.assessment_id,
        max(earlier.completed_date) as previous_completed_date
    from {{ candidates }}
    inner join {{ processes }} as earlier
        on
            {{ candidates }}.person_id = earlier.person_id
            and {{ candidates }}.assessment_id <> earlier.assessment_id
            and not earlier.is_recorded_in_error
            and earlier.outcome_code <> 'more_assessment_required'
            and {{ candidates }}.start_date >= earlier.completed_date
            and earlier.completed_date
            >= {{ add_months(candidates ~ '.start_date', -1 * var('repeat_assessment_lookback_months')) }}
    group by {{ candidates }}.assessment_id
{%- endmacro %}
