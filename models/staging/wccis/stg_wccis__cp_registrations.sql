-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__cp_conferences') }}
{{ wccis_staging('cp_registrations') }}
