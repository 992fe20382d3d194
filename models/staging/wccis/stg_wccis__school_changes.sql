{{ wccis_staging('school_changes') }}
