"""The sector, money and seizure figures of the sample ReportData."""

SECTOR_EXPOSURE = {
    "sector_code": ["financial_services", "financial_services", "logistics", "logistics"],
    "sector_label_nl": ["Financiële dienstverlening"] * 2 + ["Logistiek"] * 2,
    "sector_label_en": ["Financial services"] * 2 + ["Logistics"] * 2,
    "phenomenon_code": ["fraud", "violence"] * 2,
    "phenomenon_label_nl": ["Fraude", "Geweld"] * 2,
    "phenomenon_label_en": ["Fraud", "Violence"] * 2,
    "has_source": [True, False, False, False],
    "event_count": [50, None, None, None],
    "establishments": [1000, 1000, 500, 500],
    "per_1000_establishments": [50.0, None, None, None],
    "index_value": [100.0, 100.0, None, None],
    "index_rank": [1, 1, None, None],
    "rank_min": [1, 1, None, None],
    "rank_max": [1, 1, None, None],
    "indicators_used": [1, 1, 0, 0],
}
SEIZURE_FLOWS = {
    "departure_country": ["EC", "EC", "BE"],
    "drug": ["cocaine", "cannabis", "cocaine"],
    "seizures": [3, 1, 2],
    "weight_kg": [1200.5, 10.0, 300.0],
    "weight_kg_previous": [900.0, 0.0, 350.0],
}
FINANCIAL = {
    "sector_code": ["financial_services"],
    "label_nl": ["Financiële dienstverlening"],
    "label_en": ["Financial services"],
    "unusual_transactions": [5000],
    "suspicious_transactions": [700],
    "suspicious_amount_eur": [12345678],
    "emergency_freezes": [3],
    "frozen_amount_eur": [250000],
}
IMPACT = {
    "component": ["seizure_street_value", "seizure_street_value", "site_clean_up"],
    "item": ["cocaine", "synthetic", "dump"],
    "phenomenon_code": ["drug_trafficking", "drug_trafficking", "drug_production"],
    "quantity": [1500.5, 2.0, 4.0],
    "quantity_unit": ["kg", "kg", "site"],
    "unit_value_eur": [50000.0, None, 8500.0],
    "unit_value_basis": ["sourced", "none", "derived"],
    "impact_eur": [75025000.0, None, 34000.0],
    "impact_low_eur": [60020000.0, None, 4360.0],
    "impact_high_eur": [112537500.0, None, 256000.0],
}
