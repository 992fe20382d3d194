{{ wccis_rejections('services') }}
