{{ wccis_staging('plans') }}
