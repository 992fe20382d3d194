{#- Every raw extract row is either staged or rejected, exactly once. Returns the entities whose
    counts do not add up. -#}
{%- for entity in wccis_entities() %}
select
    '{{ entity }}' as entity,
    (select count(*) from {{ source('wccis', entity) }}) as raw_rows,
    (select count(*) from {{ ref('stg_wccis__' ~ entity) }}) as staged_rows,
    (select count(*) from {{ ref('stg_wccis__' ~ entity ~ '_rejected') }}) as rejected_rows
where (select count(*) from {{ source('wccis', entity) }})
    <> (select count(*) from {{ ref('stg_wccis__' ~ entity) }})
    + (select count(*) from {{ ref('stg_wccis__' ~ entity ~ '_rejected') }})
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
