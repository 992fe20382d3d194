{{ wccis_rejections('carer_relationships') }}
