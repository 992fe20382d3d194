-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__cp_registrations') }}
{{ config(materialized='table') }}
{{ wccis_checked('core_group_meetings') }}
