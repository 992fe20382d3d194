{#
  AS/001 + AS/002 <= AD/020 on the items: every AS/002 adult has at least two AD/020 reports in the
  year. Returns the adults that do not.
#}
with

reports as (
    select
        collection_year,
        person_id,
        count(*) as report_count
    from {{ ref('ad_020') }}
    group by collection_year, person_id
)

select as_002.*
from {{ ref('as_002') }} as as_002
left join reports
    on
        as_002.collection_year = reports.collection_year
        and as_002.person_id = reports.person_id
where coalesce(reports.report_count, 0) < 2
