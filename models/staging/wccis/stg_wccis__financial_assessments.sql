{{ wccis_staging('financial_assessments') }}
