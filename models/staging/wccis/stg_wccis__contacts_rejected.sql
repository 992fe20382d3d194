{{ wccis_rejections('contacts') }}
