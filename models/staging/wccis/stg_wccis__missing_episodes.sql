{{ wccis_staging('missing_episodes') }}
