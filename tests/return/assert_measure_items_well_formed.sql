{#- Every measure model (implemented_measures(), the models measure_items unions) at item grain, in
    one test node instead of four per model (a not_null on collection_year, part and item_id and a
    unique_combination of the three): returns one row per offending item naming the model and the
    problem,
      - 'null_key': collection_year, part or item_id is null;
      - 'wrong_measure_code': measure_code is not the model’s own code (ch_004 -> CH/004), so the
        model’s rows cannot be told apart from another measure’s in measure_items and pif_return;
      - 'duplicate_item': the same collection_year, part and item_id on more than one row (row_count).
    Models whose items must also be unique across their parts keep their own unique_combination
    test (e.g. [collection_year, item_id]). -#}
{%- for model_name in implemented_measures() %}
select
    '{{ model_name }}' as model_name,
    cast(collection_year as {{ dbt.type_string() }}) as collection_year,
    part,
    cast(item_id as {{ dbt.type_string() }}) as item_id,
    case
        when collection_year is null or part is null or item_id is null then 'null_key'
        else 'wrong_measure_code'
    end as problem,
    count(*) as row_count
from {{ ref(model_name) }}
where
    collection_year is null or part is null or item_id is null
    or measure_code is null or measure_code <> '{{ measure_code_of(model_name) | trim }}'
group by collection_year, part, item_id, measure_code

union all

select
    '{{ model_name }}' as model_name,
    cast(collection_year as {{ dbt.type_string() }}) as collection_year,
    part,
    cast(item_id as {{ dbt.type_string() }}) as item_id,
    'duplicate_item' as problem,
    count(*) as row_count
from {{ ref(model_name) }}
group by collection_year, part, item_id
having count(*) > 1
{%- if not loop.last %}

union all

{% endif %}
{%- endfor %}
{#- Every exclusion model (exclusion_models(), the models measure_exclusions unions): each excluded
    candidate names its year, measure, record and reason ('null_key' otherwise). -#}
{%- for model_name in exclusion_models() %}

union all

select
    '{{ model_name }}' as model_name,
    cast(collection_year as {{ dbt.type_string() }}) as collection_year,
    cast(null as {{ dbt.type_string() }}) as part,
    cast(item_id as {{ dbt.type_string() }}) as item_id,
    'null_key' as problem,
    count(*) as row_count
from {{ ref(model_name) }}
where
    collection_year is null or measure_code is null or item_id is null
    or exclusion_reason is null
group by collection_year, item_id
{%- endfor %}
