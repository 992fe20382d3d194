{{ wccis_rejections('cp_conferences') }}
