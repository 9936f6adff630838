"""The regional figures of the sample ReportData: RIEC regions and provinces, phenomena per
region and tips. RIEC01's name holds markup, which the report must escape."""

RIEC_NAMES = ["RIEC <script>alert(1)</script>", "RIEC Zuid"]

# Provinces show no crime figures (outside the disclosure control), only the index.
REGION_COLUMNS = {
    "population": [60000, 40000, 70000, 30000],
    "registered_crimes": [900, 600, None, None],
    "registered_crimes_per_100k": [1500.0, 1500.0, None, None],
    "harm_score": [4500.0, 2700.0, None, None],
    "harm_per_100k": [7500.0, 6750.0, None, None],
    "drug_sites": [30, 10, 25, 15],
    "harm_rank": [1, 2, None, None],
    "count_rank_lower": [1, 1, None, None],
    "count_rank_upper": [2, 2, None, None],
    "weight_rank_lower": [1, 1, None, None],
    "weight_rank_upper": [1, 2, None, None],
    "threat_index": [80.0, 20.0, 100.0, 0.0],
    "threat_index_rank": [1, 2, 1, 2],
    "threat_index_rank_min": [1, 1, 1, 1],
    "threat_index_rank_max": [2, 2, 2, 2],
}
REGIONS = {
    "region_level": ["riec_region", "riec_region", "province", "province"],
    "region_code": ["RIEC01", "RIEC02", "PV20", "PV21"],
    "region_name": [*RIEC_NAMES, "Groningen", "Fryslân"],
    **REGION_COLUMNS,
}
PHENOMENON_REGIONS = {
    "phenomenon_code": ["fraud", "fraud", "violence", "violence"],
    "region_code": ["RIEC01", "RIEC02"] * 2,
    "region_name": RIEC_NAMES * 2,
    "registered_crimes": [720, 480, 180, 120],
    "rate_per_100k": [1200.0, 1200.0, 300.0, 300.0],
    "rate_per_100k_lower": [1110.0, 1100.0, 260.0, 250.0],
    "rate_per_100k_upper": [1290.0, 1310.0, 350.0, 360.0],
    "is_intelligence_gap": [False] * 4,
}
# Fraud (the leading phenomenon) in three real municipalities: one hidden by the disclosure
# control, so its map shows "not published".
MUNICIPAL_RATES = {
    "code": ["GM0014", "GM0034", "GM0037"],
    "name": ["Groningen", "Almere", "Stadskanaal"],
    "riec_code": ["RIEC01", "RIEC03", "RIEC01"],
    "phenomenon_code": ["fraud"] * 3,
    "registered_crimes": [2400, 1800, None],
    "suppression": [None, None, "primary"],
    "population": [240000, 225000, 32000],
    "rate_per_100k": [1000.0, 800.0, None],
}
# Ten years of fraud in each region (RIEC02's last year hidden by the disclosure control).
REGION_SERIES = {
    "region_code": ["RIEC01"] * 10 + ["RIEC02"] * 9,
    "year": list(range(2016, 2026)) + list(range(2016, 2025)),
    "phenomenon_code": ["fraud"] * 19,
    "registered_crimes": [600 + 10 * i for i in range(10)] + [400 + 5 * i for i in range(9)],
    "registered_crimes_lower": [560.0 + 10 * i for i in range(10)]
    + [370.0 + 5 * i for i in range(9)],
    "registered_crimes_upper": [640.0 + 10 * i for i in range(10)]
    + [430.0 + 5 * i for i in range(9)],
    "rate_per_100k": [1000.0 + 16 * i for i in range(10)] + [1000.0 + 12 * i for i in range(9)],
}
# Suspicious transactions per 1,000 establishments: one sector measured, one a gap.
REGION_SECTORS = {
    "region_code": ["RIEC01", "RIEC01", "RIEC02", "RIEC02"],
    "sector_code": ["financial_services", "hospitality"] * 2,
    "label_nl": ["Financiële dienstverlening", "Horeca"] * 2,
    "label_en": ["Financial services", "Hospitality"] * 2,
    "has_source": [True, False, True, False],
    "suspicious_transactions": [50, None, 30, None],
    "establishments": [100, 80, 60, 40],
    "per_1000": [500.0, None, 500.0, None],
    "per_1000_lower": [371.0, None, 337.0, None],
    "per_1000_upper": [659.0, None, 714.0, None],
    "national_per_1000": [500.0, None, 500.0, None],
}
SIGNALS = {
    "region_code": ["RIEC01", "RIEC02"],
    "region_name": RIEC_NAMES,
    "tips": [60, 20],
    "tips_previous": [50, 25],
    "tips_per_100k": [100.0, 50.0],
}
