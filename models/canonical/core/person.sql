with

people as (
    select * from {{ ref('stg_wccis__people') }}
)

select
    people.person_id,
    people.date_of_birth,
    people.expected_date_of_birth,
    people.date_of_death,
    gender.national_code as gender_code,
    ethnicity.national_code as ethnicity_code,
    language.national_code as preferred_language_code,
    coalesce(people.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('people.source_file', 'people.source_row') }} as source_reference
from people
{{ decode_join('gender', 'people.gender_code', 'gender') }}
{{ decode_join('ethnicity', 'people.ethnicity_code', 'ethnicity') }}
{{ decode_join('language', 'people.preferred_language_code', 'language') }}
