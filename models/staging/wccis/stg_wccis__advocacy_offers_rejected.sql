{{ wccis_rejections('advocacy_offers') }}
