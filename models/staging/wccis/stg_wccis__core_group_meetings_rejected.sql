{{ wccis_rejections('core_group_meetings') }}
