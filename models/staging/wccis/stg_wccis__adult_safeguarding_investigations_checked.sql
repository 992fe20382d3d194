-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__adult_safeguarding_reports') }}
-- depends_on: {{ ref('stg_wccis__adult_safeguarding_enquiries') }}
{{ config(materialized='table') }}
{{ wccis_checked('adult_safeguarding_investigations') }}
