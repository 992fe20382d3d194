-- depends_on: {{ ref('stg_wccis__adult_safeguarding_enquiries') }}
{{ wccis_staging('adult_safeguarding_alleged_perpetrators') }}
