{{ wccis_rejections('section_47_enquiries') }}
