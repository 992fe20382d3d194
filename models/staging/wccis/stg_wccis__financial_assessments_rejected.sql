{{ wccis_rejections('financial_assessments') }}
