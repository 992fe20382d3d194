-- depends_on: {{ ref('stg_wccis__adult_safeguarding_enquiries') }}
{{ wccis_rejections('adult_safeguarding_alleged_perpetrators') }}
