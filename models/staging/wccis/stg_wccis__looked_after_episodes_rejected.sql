-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_rejections('looked_after_episodes') }}
