{#
  The alleged perpetrators (not recorded in error) of the completed enquiries of the AD/023 base
  (AD/025's population), one row per perpetrator, with the enquiry's collection year. With var
  ad_025_counts_each_perpetrator false, two perpetrators of one type in one enquiry are one row
  (the enquiry counted once per type).
#}
with

perpetrators as (
    select * from {{ ref('adult_safeguarding_alleged_perpetrator') }}
    where not is_recorded_in_error
),

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
    where is_completed_in_base
),

joined as (
    select
        enquiries.collection_year,
        enquiries.enquiry_id,
        enquiries.person_id,
        enquiries.completed_date,
        perpetrators.alleged_perpetrator_id,
        perpetrators.relationship_code,
        perpetrators.source_reference
    from perpetrators
    inner join enquiries
        on perpetrators.enquiry_id = enquiries.enquiry_id
)

{%- if var('ad_025_counts_each_perpetrator') %}

    select
        collection_year,
        enquiry_id,
        person_id,
        completed_date,
        alleged_perpetrator_id as item_id,
        relationship_code,
        source_reference
    from joined
{%- else %}

    select
        collection_year,
        enquiry_id,
        person_id,
        completed_date,
        enquiry_id || ':' || relationship_code as item_id,
        relationship_code,
        min(source_reference) as source_reference
    from joined
    group by collection_year, enquiry_id, person_id, completed_date, relationship_code
{%- endif %}
