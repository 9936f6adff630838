-- FIU-Nederland reporting sectors (meldersgroepen).
select reporting_sector_code from reference.fiu_reporting_sectors order by 1
