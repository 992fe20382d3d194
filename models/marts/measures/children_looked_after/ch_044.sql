{#-
  CH/044: children in CH/039 (looked after on 31 March) with one or more counted changes of school
  during the year (int_lac_school_changes__classified), one item per child and year; event_date the
  first counted change, source_reference its extract line.
-#}
with

school_changes as (
    select * from {{ ref('int_lac_school_changes__classified') }}
),

children as (
    select * from {{ ref('int_lac_children__on_31_march') }}
),

first_changes as (
    select
        collection_year,
        person_id,
        change_date,
        source_reference,
        row_number() over (
            partition by collection_year, person_id
            order by change_date, school_change_id
        ) as change_rank
    from school_changes
    where ch_044_exclusion_reason is null
)

select
    first_changes.collection_year,
    'CH/044' as measure_code,
    '' as part,
    'child' as item_type,
    first_changes.person_id as item_id,
    first_changes.person_id,
    first_changes.change_date as event_date,
    first_changes.source_reference
from first_changes
inner join children
    on
        first_changes.collection_year = children.collection_year
        and first_changes.person_id = children.person_id
where first_changes.change_rank = 1 and children.is_in_ch_039
