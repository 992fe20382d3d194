-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__cp_registrations') }}
{{ wccis_rejections('core_group_meetings') }}
