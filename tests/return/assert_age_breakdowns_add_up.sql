{#-
  The age-band breakdown rows of a crossed part (macro age_breakdowns, e.g. CH/023 part a by age)
  add up to the part’s own figure: every item of the part is in exactly one age band. Returns the
  figures where they do not.
-#}
with

figures as (
    select * from {{ ref('pif_return') }}
),

crossed as (
    select
        collection_year,
        measure_code,
        part,
        sum(value) as breakdown_value
    from figures
    where breakdown <> ''
    group by collection_year, measure_code, part
)

select
    crossed.collection_year,
    crossed.measure_code,
    crossed.part,
    crossed.breakdown_value,
    figures.value as part_value
from crossed
inner join figures
    on
        crossed.collection_year = figures.collection_year
        and crossed.measure_code = figures.measure_code
        and crossed.part = figures.part
        and figures.breakdown = ''
where crossed.breakdown_value <> figures.value
