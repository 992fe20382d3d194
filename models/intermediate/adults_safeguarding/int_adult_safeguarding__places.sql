{#
  The places of alleged abuse of the completed enquiries of the AD/023 base (AS/005’s population),
  one row per enquiry and place recorded (several places: one row each, "record all individually"),
  with the AS/005 part: a own home, b community, c care home setting, d health setting; places with
  no AS/005 part (supported living, day centre, online, unknown: place_other) have a null part.
#}
{%- set places = [
    ('own_home', 'a'), ('community', 'b'), ('care_home', 'c'), ('health_setting', 'd'), ('other', none),
] %}
with

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
    where is_completed_in_base
)

{%- for place, part in places %}

    select
        collection_year,
        enquiry_id,
        person_id,
        completed_date,
        '{{ place }}' as place_code,
        {% if part %}'{{ part }}'{% else %}cast(null as {{ dbt.type_string() }}){% endif %} as as_005_part,
        source_reference
    from enquiries
    where is_place_{{ place }}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
