{{ wccis_rejections('adult_safeguarding_investigations') }}
