{{ wccis_rejections('school_changes') }}
