-- Values of drug_nl a source file may use (data/reference/drugs.csv).
select drug_nl from reference.drugs order by 1
