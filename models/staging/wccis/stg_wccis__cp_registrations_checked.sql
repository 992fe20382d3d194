-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__cp_conferences') }}
{{ config(materialized='table') }}
{{ wccis_checked('cp_registrations') }}
