-- The CBS key of each of the 21 SBI 2008 sections: the parts of the establishments total.
select cbs_key, sbi_section from reference.sbi_sections order by cbs_key
