{{ wccis_staging('cp_registrations') }}
