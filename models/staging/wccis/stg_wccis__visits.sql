{{ wccis_staging('visits') }}
