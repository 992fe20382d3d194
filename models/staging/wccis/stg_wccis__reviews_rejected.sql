{{ wccis_rejections('reviews') }}
