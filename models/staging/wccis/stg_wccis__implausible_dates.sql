-- noqa: disable=LT02
{#
  Cross-file date plausibility warnings (issue 13): every kept record whose event date (its first
  required date column, else its first date column) is after its person’s date of death, and every
  person whose date of death is before their date of birth. Nothing is rejected or nulled: either
  date may be the wrong one (and a record after a death can be real), so every record stays counted
  and a data officer checks it (`pif rejections`, output/implausible_dates.csv; `pif validate`
  gives the same warnings with the same line numbers).
#}
with

after_death as (
    {% for entity in wccis_entities() if entity != 'people' -%}
    {{ wccis_records_after_death(entity) }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}
),

death_before_birth as (
    select
        'people' as entity,
        source_file,
        source_row,
        record_id,
        person_id,
        'date_of_death' as date_field,
        date_of_death as date_value,
        'date_of_birth' as person_date_field,
        date_of_birth as person_date_value,
        source_row as person_source_row,
        'date_of_death ' || {{ wccis_date_text('date_of_death') }}
        || ' is before the date of birth ' || {{ wccis_date_text('date_of_birth') }}
        || ': kept with both dates as recorded; check which date is wrong' as implausibility
    from {{ ref('stg_wccis__people_checked') }}
    where rejection_reason is null and date_of_death < date_of_birth
)

select * from after_death
union all
select * from death_before_birth
