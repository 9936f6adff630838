"""The national figures of the sample ReportData: key figures, priorities by harm, harm under
every weight set and the national series."""

LABELS = {
    "fraud": ("Fraude", "Fraud"),
    "violence": ("Geweld", "Violence"),
    "drug_production": ("Drugsproductie", "Drug production"),
    "corruption_infiltration": ("Corruptie en infiltratie", "Corruption and infiltration"),
}
CODES = ["fraud", "violence", "drug_production", "corruption_infiltration"]

KEY_FIGURES = [
    {
        "registered_crimes": 1500,
        "registered_crimes_previous": 1330,
        "registered_crimes_per_100k": 1500.0,
        "harm_score": 7200.0,
        "harm_score_previous": 6640.0,
        "population": 100000,
        "population_previous": 100000,
        "drug_sites": 40,
        "drug_sites_previous": 35,
        "unusual_transactions": 5000,
        "suspicious_transactions": 700,
        "suspicious_amount_eur": 12345678,
    }
]
PRIORITIES = {
    "phenomenon_code": CODES,
    "label_nl": [LABELS[c][0] for c in CODES],
    "label_en": [LABELS[c][1] for c in CODES],
    "source": ["incidents", "incidents", "drug_sites", None],
    "event_count": [1200, 300, 40, None],
    "rate_per_100k": [1200.0, 300.0, 40.0, None],
    "harm_weight_set": ["default_v0", "default_v0", "default_v0", None],
    "harm_score": [4800.0, 2400.0, 280.0, None],
    "harm_score_lower": [4500.0, 2100.0, 200.0, None],
    "harm_score_upper": [5100.0, 2700.0, 380.0, None],
    "harm_share": [4800 / 7480, 2400 / 7480, 280 / 7480, None],
    "is_gap": [False, False, False, True],
    # fraud: +20% with p = 0.0001 (almost certainly a rise); violence: -9% with
    # p = 0.25 (75-90%: likely a fall); drug production: p = 0.9 (no clear change).
    "change_on_previous_year": [0.2, -30 / 330, 0.05, None],
    "change_lower": [0.1, -0.22, -0.3, None],
    "change_upper": [0.31, 0.07, 0.5, None],
    "change_p_value": [0.0001, 0.25, 0.9, None],
    "trend_first_year": [2016, 2016, 2016, None],
    "trend_years": [10, 10, 10, None],
    "trend_yearly_change": [0.05, -0.01, 0.0, None],
    "trend_lower": [0.03, -0.04, -0.05, None],
    "trend_upper": [0.07, 0.02, 0.05, None],
    "trend_p_value": [0.001, 0.5, 0.99, None],
}
HARM_BY_WEIGHT_SET = {
    "weight_set": ["default_v0"] * 3 + ["alt_v1"] * 3,
    "phenomenon_code": ["fraud", "violence", "drug_production"] * 2,
    "harm_score": [4800.0, 2400.0, 280.0, 2400.0, 6000.0, 200.0],
    "harm_rank": [1, 2, 3, 2, 1, 3],
    "harm_share": [0.64, 0.32, 0.04, 0.28, 0.70, 0.02],
}
NATIONAL_SERIES = {
    "year": [2024, 2025, 2024, 2025],
    "phenomenon_code": ["fraud", "fraud", "violence", "violence"],
    "registered_crimes": [1000, 1200, 330, 300],
    "registered_crimes_lower": [940.0, 1133.0, 295.0, 267.0],
    "registered_crimes_upper": [1063.0, 1270.0, 368.0, 336.0],
    "rate_per_100k": [1000.0, 1200.0, 330.0, 300.0],
}
HARM_WEIGHT_SET = {"harm_weight_set": ["default_v0"]}
WEIGHT_SETS = {
    "weight_set": ["default_v0"] * 3 + ["alt_v1"] * 3,
    "phenomenon_code": ["fraud", "violence", "drug_production"] * 2,
    "weight": [4.0, 8.0, 7.0, 2.0, 20.0, 5.0],
    "method": ["given"] * 6,
}
