{{ wccis_rejections('cp_registrations') }}
