-- Drug-site types as the police records name them.
select site_type_nl from reference.drug_site_types order by 1
