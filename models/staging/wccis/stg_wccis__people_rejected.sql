{{ wccis_rejections('people') }}
