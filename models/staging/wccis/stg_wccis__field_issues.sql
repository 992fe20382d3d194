-- noqa: disable=LT02
{# Every field of an accepted extract row read as unknown (the row is kept), with the reason. #}
with

field_issues as (
    {% for entity in wccis_entities() -%}
    {{ wccis_field_issues(entity) }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}
)

select
    entity,
    source_file,
    source_row,
    record_id,
    field_name,
    field_issue
from field_issues
