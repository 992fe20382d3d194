-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__section_47_enquiries') }}
{{ config(materialized='table') }}
{{ wccis_checked('cp_conferences') }}
