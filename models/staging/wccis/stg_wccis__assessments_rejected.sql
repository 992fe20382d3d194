{{ wccis_rejections('assessments') }}
