{{ wccis_rejections('carer_assessment_offers') }}
