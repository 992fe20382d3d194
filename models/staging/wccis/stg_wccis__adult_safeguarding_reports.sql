-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_staging('adult_safeguarding_reports') }}
