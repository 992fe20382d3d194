{{ wccis_staging('services') }}
