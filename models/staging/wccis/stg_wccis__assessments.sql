{{ wccis_staging('assessments') }}
