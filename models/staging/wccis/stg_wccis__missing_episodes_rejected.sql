{{ wccis_rejections('missing_episodes') }}
