-- depends_on: {{ ref('stg_wccis__people') }}
{{ config(materialized='table') }}
{{ wccis_checked('carer_assessment_offers') }}
