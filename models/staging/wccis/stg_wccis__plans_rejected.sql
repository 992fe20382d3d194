{{ wccis_rejections('plans') }}
