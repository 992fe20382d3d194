{#-
  CH/036: children removed (de-registered) from the child protection register during the year,
  temporary registrations excluded; each child once (the first de-registration), or every
  de-registration when var ch_036_count_each_deregistration is true.
-#}
with

deregistrations as (
    select * from {{ ref('int_cp_registrations__deregistrations') }}
)

select
    collection_year,
    'CH/036' as measure_code,
    '' as part,
    {%- if var('ch_036_count_each_deregistration') %}
        'registration' as item_type,
        registration_id as item_id,
    {%- else %}
        'child' as item_type,
        person_id as item_id,
    {%- endif %}
    person_id,
    end_date as event_date,
    source_reference
from deregistrations
where ch_036_exclusion_reason is null
