{{ wccis_rejections('care_leavers') }}
