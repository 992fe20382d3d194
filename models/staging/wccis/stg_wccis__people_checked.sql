{{ config(materialized='table') }}
{{ wccis_checked('people') }}
