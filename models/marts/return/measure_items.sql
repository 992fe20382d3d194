{#- Every counted item of every implemented measure: the records behind each figure. -#}
{%- for model_name in implemented_measures() %}
    select
        collection_year,
        measure_code,
        part,
        item_type,
        item_id,
        person_id,
        event_date,
        source_reference
    from {{ ref(model_name) }}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
