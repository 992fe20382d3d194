{#-
  CH/056-CH/057: why an advocacy offer made in the year is not counted, one row per offer, collection
  year and measure (unioned into measure_exclusions). CH/057 lists only CH/056 offers (those outside
  CH/056 are CH/056’s exclusions).
-#}
with

offers as (
    select * from {{ ref('int_advocacy_offers__classified') }}
)

{%- for measure in ['ch_056', 'ch_057'] %}
    {%- if not loop.first %}
        union all
    {%- endif %}

    select
        collection_year,
        '{{ measure | upper | replace("_", "/") }}' as measure_code,
        'advocacy_offer' as item_type,
        advocacy_offer_id as item_id,
        person_id,
        offer_date as event_date,
        {{ measure }}_exclusion_reason as exclusion_reason,
        source_reference
    from offers
    where {{ measure }}_exclusion_reason is not null
{%- endfor %}
