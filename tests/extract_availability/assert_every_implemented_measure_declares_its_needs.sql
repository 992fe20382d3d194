-- Every implemented measure needs at least one extract file (int_measure_needs, from the dbt graph):
-- returns the implemented measures with none, whose availability could never be judged.
select coverage.measure_code
from {{ ref('measure_coverage') }} as coverage
where
    coverage.is_implemented
    and not exists (
        select 1 from {{ ref('int_measure_needs') }} as needs
        where needs.measure_code = coverage.measure_code and needs.need_kind = 'file'
    )
group by coverage.measure_code
