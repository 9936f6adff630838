"""Small, hand-made inputs shared by tests."""

import polars as pl

from assets.report_builder import ReportData


def small_report_data() -> ReportData:
    phenomena = pl.DataFrame(
        {
            "phenomenon_code": ["fraud", "violence", "drug_production", "corruption_infiltration"],
            "label_nl": ["Fraude", "Geweld", "Drugsproductie", "Corruptie en infiltratie"],
            "label_en": ["Fraud", "Violence", "Drug production", "Corruption and infiltration"],
            "registered_crimes": [1200, 300, None, None],
            "registered_crimes_previous": [1000, 330, None, None],
            "change_on_previous_year": [0.2, -30 / 330, None, None],
            "registered_crimes_per_100k": [12.0, 3.0, None, None],
            "harm_score": [4800.0, 2400.0, None, None],
            "harm_share": [4800 / 7200, 2400 / 7200, None, None],
            "drug_sites": [None, None, 40, None],
        }
    )
    trend = pl.DataFrame(
        {
            "year": [2024, 2025, 2024, 2025],
            "phenomenon_code": ["fraud", "fraud", "violence", "violence"],
            "label_nl": ["Fraude", "Fraude", "Geweld", "Geweld"],
            "label_en": ["Fraud", "Fraud", "Violence", "Violence"],
            "registered_crimes": [1000, 1200, 330, 300],
            "rate_per_100k": [10.0, 12.0, 3.3, 3.0],
            "harm_score": [4000.0, 4800.0, 2640.0, 2400.0],
        }
    )
    regions = pl.DataFrame(
        {
            "region_code": ["RIEC01", "RIEC02"],
            "region_name": ["RIEC <script>alert(1)</script>", "RIEC Zuid"],
            "population": [60000, 40000],
            "registered_crimes": [900, 600],
            "registered_crimes_per_100k": [1500.0, 1500.0],
            "harm_score": [4500.0, 2700.0],
            "harm_per_100k": [7500.0, 6750.0],
            "drug_sites": [30, 10],
        }
    )
    quality = pl.DataFrame(
        {
            "asset_key": ["raw/incidents"],
            "check_name": ["incidents_file_is_valid"],
            "severity": ["error"],
            "passed": [True],
            "rows_checked": [40],
            "rules_checked": [10],
            "failed_values": [0],
            "summary": ["All rules hold."],
        }
    )
    files = pl.DataFrame(
        {
            "year": [2025],
            "source": ["incidents"],
            "source_file": ["83648NED_2025.csv"],
            "source_sha256": ["0" * 64],
            "is_synthetic": [True],
        }
    )
    key_figures = {
        "registered_crimes": 1500,
        "registered_crimes_previous": 1330,
        "registered_crimes_per_100k": 1500.0,
        "harm_score": 7200.0,
        "harm_score_previous": 6640.0,
        "population": 100000,
        "drug_sites": 40,
        "drug_sites_previous": 35,
        "unusual_transactions": 5000,
        "suspicious_transactions": 700,
        "suspicious_amount_eur": 12345678,
    }
    return ReportData(2025, key_figures, trend, regions, phenomena, quality, files, "default_v0")
