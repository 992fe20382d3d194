{{ wccis_rejections('care_leaver_activities') }}
