{#
  Assessment rules shared by the children's and adults' assessment measures, written once.

  open_plan_at_start(candidates, plans): a CTE body giving, per candidate assessment, a care and
    support plan open on its start date (a re-assessment: CH/006 exclude 4, AD/004), or none.
  previous_concluded_assessment(candidates, processes): a CTE body giving, per candidate, the latest
    other concluded assessment of the same person (not recorded in error, not "more assessment
    required") completed on or before the candidate's start and no more than var
    repeat_assessment_lookback_months before it (CH/013, AD/008: exactly 12 months counts).
  Both take relation names (CTEs) with assessment_id, person_id, start_date, completed_date, ...
#}
{% macro open_plan_at_start(candidates, plans) -%}
    select
        {{ candidates }}.assessment_id,
        min({{ plans }}.plan_id) as open_plan_id
    from {{ candidates }}
    inner join {{ plans }}
        on
            {{ candidates }}.person_id = {{ plans }}.person_id
            and {{ is_open_on(plans, candidates ~ '.start_date') }}
    group by {{ candidates }}.assessment_id
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
