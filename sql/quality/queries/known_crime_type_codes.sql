-- Crime types (CBS 83648NED SoortMisdrijf keys) the pipeline knows how to map.
select crime_type_code from reference.crime_types order by 1
