{{ wccis_rejections('adult_safeguarding_alleged_perpetrators') }}
