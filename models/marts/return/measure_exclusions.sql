{#-
  Why a candidate record is not counted in a measure: the union of every section’s exclusion model
  (macros/measures/sections/), one row per record, collection year and measure with an exclusion rule.
-#}
{%- for model_name in exclusion_models() %}
    select
        collection_year,
        measure_code,
        item_type,
        item_id,
        person_id,
        event_date,
        exclusion_reason,
        source_reference
    from {{ ref(model_name) }}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
