-- Values of location_type_nl a source file may use (data/reference/seizure_location_types.csv).
select location_type_nl from reference.seizure_location_types order by 1
