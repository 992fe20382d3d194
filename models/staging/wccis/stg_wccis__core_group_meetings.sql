-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__cp_registrations') }}
{{ wccis_staging('core_group_meetings') }}
