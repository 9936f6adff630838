-- Impact in euros in the Netherlands in $year per component and item, with the unit value, its
-- basis (reported, sourced, derived, assumption or none) and the low-high range.
select
    component,
    item,
    phenomenon_code,
    quantity,
    quantity_unit,
    unit_value_eur,
    unit_value_basis,
    impact_eur,
    impact_low_eur,
    impact_high_eur
from indicators.impact_indicators
where year = $year and region_level = 'national'
order by component, item
