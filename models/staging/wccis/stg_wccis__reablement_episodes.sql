{{ wccis_staging('reablement_episodes') }}
