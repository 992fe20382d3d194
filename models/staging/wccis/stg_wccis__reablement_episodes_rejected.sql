{{ wccis_rejections('reablement_episodes') }}
