-- Values of setting_nl a source file may use (data/reference/site_settings.csv).
select setting_nl from reference.site_settings order by 1
