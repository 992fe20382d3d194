-- noqa: disable=LT02
{# Every rejected extract row of every entity, with the reason a person can act on. #}
with

rejections as (
    {% for entity in wccis_entities() -%}
    select * from {{ ref('stg_wccis__' ~ entity ~ '_rejected') }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}
)

select
    entity,
    source_file,
    source_row,
    record_id,
    rejection_reason
from rejections
