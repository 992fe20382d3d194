{{ wccis_rejections('looked_after_episodes') }}
