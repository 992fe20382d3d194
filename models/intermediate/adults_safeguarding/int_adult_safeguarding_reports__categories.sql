{#
  One row per AD/022 report (an AD/020 report alleging at least one AD/022 category) and category
  alleged in it (part a neglect ... e financial): AD/022's category items, and the categories AS/002
  and AS/003 compare across an adult's reports in the year.
#}
{%- set parts = ['a', 'b', 'c', 'd', 'e'] %}
with

reports as (
    select * from {{ ref('int_adult_safeguarding_reports__classified') }}
    where is_in_ad_022
)

{%- for part in parts %}

    select
        collection_year,
        report_id,
        person_id,
        received_date,
        '{{ part }}' as category_part,
        source_reference
    from reports
    where is_category_{{ part }}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
