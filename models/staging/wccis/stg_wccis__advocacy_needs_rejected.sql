{{ wccis_rejections('advocacy_needs') }}
