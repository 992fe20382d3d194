{{ wccis_staging('reviews') }}
