{{ wccis_staging('looked_after_episodes') }}
