-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_staging('care_leavers') }}
