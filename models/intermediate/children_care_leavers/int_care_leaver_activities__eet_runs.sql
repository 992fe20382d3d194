{#
  Periods of education, employment or training (CH/054): a care-experienced young person’s main
  activity periods whose activity is in var care_leaver_eet_activity_codes (F1-F4), chained into
  runs. A period that starts on or before the day after the latest end of the earlier EET periods
  continues the run (consecutive or overlapping: F2 followed the next day by F3 is one run, the
  catalogue counts education, employment OR training); any gap of a day or more starts a new run.
  One row per run; end_date is null while the last period is open. Periods recorded in error are
  left out.
#}
with

activities as (
    select * from {{ ref('care_leaver_activity') }}
    where
        not is_recorded_in_error
        and activity_type_code = 'main_activity'
        and activity_code in ({{ quoted_list(var('care_leaver_eet_activity_codes')) }})
),

ordered as (
    select
        activity_id,
        person_id,
        start_date,
        end_date,
        source_reference,
        max(coalesce(end_date, cast('9999-12-31' as date))) over (
            partition by person_id
            order by start_date, activity_id
            rows between unbounded preceding and 1 preceding
        ) as covered_until
    from activities
),

flagged as (
    select
        *,
        case
            when covered_until is null then 1
            when
                covered_until < cast('9999-12-31' as date)
                and start_date > cast({{ dbt.dateadd('day', 1, 'covered_until') }} as date) then 1
            else 0
        end as is_run_start
    from ordered
),

numbered as (
    select
        *,
        sum(is_run_start) over (
            partition by person_id
            order by start_date, activity_id
            rows between unbounded preceding and current row
        ) as run_number
    from flagged
),

runs as (
    select
        person_id,
        run_number,
        min(start_date) as start_date,
        max(coalesce(end_date, cast('9999-12-31' as date))) as covered_until,
        count(*) as period_count
    from numbered
    group by person_id, run_number
),

first_periods as (
    select * from numbered
    where is_run_start = 1
)

select
    first_periods.activity_id as eet_run_id,
    runs.person_id,
    runs.start_date,
    case when runs.covered_until < cast('9999-12-31' as date) then runs.covered_until end as end_date,
    runs.period_count,
    first_periods.source_reference
from runs
inner join first_periods
    on
        runs.person_id = first_periods.person_id
        and runs.run_number = first_periods.run_number
