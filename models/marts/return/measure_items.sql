{#-
  Every counted item of every implemented measure: the records behind each figure. item_value is
  what the item adds to its figure: 1 for a count, the item’s own value (days) for the measures a
  section lists as valued_measures.
-#}
{%- for model_name in implemented_measures() %}
    select
        collection_year,
        measure_code,
        part,
        item_type,
        item_id,
        person_id,
        event_date,
        {%- if model_name in valued_measures() %}
            cast(item_value as {{ dbt.type_bigint() }}) as item_value,
        {%- else %}
            cast(1 as {{ dbt.type_bigint() }}) as item_value,
        {%- endif %}
        source_reference
    from {{ ref(model_name) }}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
