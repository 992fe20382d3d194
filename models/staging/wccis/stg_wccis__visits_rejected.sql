{{ wccis_rejections('visits') }}
