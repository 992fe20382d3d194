{{ wccis_staging('section_47_enquiries') }}
