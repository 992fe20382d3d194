-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_rejections('carer_relationships') }}
