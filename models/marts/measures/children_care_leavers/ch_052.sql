{#-
  CH/052: care leavers (categories 2-4, supported by a personal adviser) who experienced homelessness
  during the year: each young person once a year, the item dated by, and traced to, their first
  counted homelessness period of the year (event_date: its first day in the year).
-#}
with

homelessness as (
    select * from {{ ref('int_care_leaver_activities__homelessness') }}
    where is_in_ch_052
),

in_order as (
    select
        collection_year,
        person_id,
        event_date,
        source_reference,
        row_number() over (
            partition by collection_year, person_id
            order by event_date, activity_id
        ) as period_number_in_year
    from homelessness
)

select
    collection_year,
    'CH/052' as measure_code,
    '' as part,
    'care_leaver' as item_type,
    person_id as item_id,
    person_id,
    event_date,
    source_reference
from in_order
where period_number_in_year = 1
