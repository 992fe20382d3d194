{#- Which parts of the 2026-27 measure registry the project implements, and which not yet; and, for
    an implemented part, why the loaded extract cannot give it (unavailable_reason, null when it can:
    int_measure_availability). -#}
with

availability as (
    select * from {{ ref('int_measure_availability') }}
),

registry as (
    select * from {{ ref('measure_registry') }}
),

implemented as (
    {%- for model_name in implemented_measures() %}
        select
            '{{ measure_code_of(model_name) }}' as measure_code,
            '{{ model_name }}' as model_name
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select
    registry.measure_code,
    coalesce(registry.part, '') as part,
    registry.measure_name,
    registry.part_label,
    registry.section,
    registry.filled_by_welsh_government,
    implemented.model_name,
    implemented.model_name is not null as is_implemented,
    case when implemented.model_name is not null then availability.unavailable_reason end as unavailable_reason
from registry
left join implemented
    on registry.measure_code = implemented.measure_code
left join availability
    on
        registry.measure_code = availability.measure_code
        and coalesce(registry.part, '') = availability.part
