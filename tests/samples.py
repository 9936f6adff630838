"""Small, hand-made inputs shared by tests: a ReportData as the report asset reads it from the
warehouse, with every dataset of pipeline/domain/publishing/report_data.py
(numbers chosen to be checked by hand)."""

import polars as pl

from pipeline.domain.publishing.report_data import ReportData

LABELS = {
    "fraud": ("Fraude", "Fraud"),
    "violence": ("Geweld", "Violence"),
    "drug_production": ("Drugsproductie", "Drug production"),
    "corruption_infiltration": ("Corruptie en infiltratie", "Corruption and infiltration"),
}


def _labelled(codes: list[str]) -> dict[str, list[str]]:
    return {
        "label_nl": [LABELS[c][0] for c in codes],
        "label_en": [LABELS[c][1] for c in codes],
    }


def small_frames() -> dict[str, pl.DataFrame]:
    codes = ["fraud", "violence", "drug_production", "corruption_infiltration"]
    priorities = pl.DataFrame(
        {
            "phenomenon_code": codes,
            **_labelled(codes),
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
    )
    harm_by_weight_set = pl.DataFrame(
        {
            "weight_set": ["default_v0"] * 3 + ["alt_v1"] * 3,
            "phenomenon_code": ["fraud", "violence", "drug_production"] * 2,
            "harm_score": [4800.0, 2400.0, 280.0, 2400.0, 6000.0, 200.0],
            "harm_rank": [1, 2, 3, 2, 1, 3],
            "harm_share": [0.64, 0.32, 0.04, 0.28, 0.70, 0.02],
        }
    )
    # Provinces show no crime figures (outside the disclosure control), only the index.
    region_columns = {
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
    regions = pl.DataFrame(
        {
            "region_level": ["riec_region", "riec_region", "province", "province"],
            "region_code": ["RIEC01", "RIEC02", "PV20", "PV21"],
            "region_name": ["RIEC <script>alert(1)</script>", "RIEC Zuid", "Groningen", "Fryslân"],
            **region_columns,
        }
    )
    phenomenon_regions = pl.DataFrame(
        {
            "phenomenon_code": ["fraud", "fraud", "violence", "violence"],
            "region_code": ["RIEC01", "RIEC02"] * 2,
            "region_name": ["RIEC <script>alert(1)</script>", "RIEC Zuid"] * 2,
            "registered_crimes": [720, 480, 180, 120],
            "rate_per_100k": [1200.0, 1200.0, 300.0, 300.0],
            "rate_per_100k_lower": [1110.0, 1100.0, 260.0, 250.0],
            "rate_per_100k_upper": [1290.0, 1310.0, 350.0, 360.0],
            "is_intelligence_gap": [False] * 4,
        }
    )
    national_series = pl.DataFrame(
        {
            "year": [2024, 2025, 2024, 2025],
            "phenomenon_code": ["fraud", "fraud", "violence", "violence"],
            "registered_crimes": [1000, 1200, 330, 300],
            "registered_crimes_lower": [940.0, 1133.0, 295.0, 267.0],
            "registered_crimes_upper": [1063.0, 1270.0, 368.0, 336.0],
            "rate_per_100k": [1000.0, 1200.0, 330.0, 300.0],
        }
    )
    sector_codes = ["financial_services", "financial_services", "logistics", "logistics"]
    sector_exposure = pl.DataFrame(
        {
            "sector_code": sector_codes,
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
    )
    seizure_flows = pl.DataFrame(
        {
            "departure_country": ["EC", "EC", "BE"],
            "drug": ["cocaine", "cannabis", "cocaine"],
            "seizures": [3, 1, 2],
            "weight_kg": [1200.5, 10.0, 300.0],
            "weight_kg_previous": [900.0, 0.0, 350.0],
        }
    )
    financial = pl.DataFrame(
        {
            "sector_code": ["financial_services"],
            "label_nl": ["Financiële dienstverlening"],
            "label_en": ["Financial services"],
            "unusual_transactions": [5000],
            "suspicious_transactions": [700],
            "suspicious_amount_eur": [12345678],
            "emergency_freezes": [3],
            "frozen_amount_eur": [250000],
        }
    )
    impact = pl.DataFrame(
        {
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
    )
    policy_effects = pl.DataFrame(
        {
            "year": [2025],
            "programme": ["preventie_met_gezag"],
            "source": ["incidents"],
            "outcome": ["all"],
            "start_year": [2022],
            "first_year": [2016],
            "last_year": [2025],
            "treated_municipalities": [27],
            "control_municipalities": [315],
            "left_out_municipalities": [0],
            "treated_rate_before": [800.0],
            "treated_rate_after": [900.0],
            "control_rate_before": [780.0],
            "control_rate_after": [890.0],
            "rate_ratio": [0.985],
            "rate_ratio_lower": [0.96],
            "rate_ratio_upper": [1.01],
            "p_value": [0.24],
            "pre_trend_ratio": [0.99],
            "pre_trend_lower": [0.98],
            "pre_trend_upper": [1.0],
            "pre_trend_p_value": [0.27],
            "confidence_level": [0.95],
            "is_synthetic_selection": [True],
        }
    )
    policy_series = pl.DataFrame(
        {
            "programme": ["preventie_met_gezag"] * 4,
            "group": ["others", "others", "taking_part", "taking_part"],
            "data_year": [2024, 2025] * 2,
            "event_count": [1000, 1100, 300, 310],
            "population": [100000] * 4,
            "rate_per_100k": [1000.0, 1100.0, 300.0, 310.0],
        }
    )
    signals = pl.DataFrame(
        {
            "region_code": ["RIEC01", "RIEC02"],
            "region_name": ["RIEC <script>alert(1)</script>", "RIEC Zuid"],
            "tips": [60, 20],
            "tips_previous": [50, 25],
            "tips_per_100k": [100.0, 50.0],
        }
    )
    # A passed file check, and a jump warning whose summary names a small municipal count.
    quality = pl.DataFrame(
        {
            "asset_key": ["raw/incidents", "staging/stg_incidents__crimes"],
            "check_name": ["incidents_file_is_valid", "no_implausible_jumps"],
            "severity": ["error", "warning"],
            "passed": [True, False],
            "rows_checked": [40, 3],
            "rules_checked": [10, 1],
            "failed_values": [0, 0],
            "summary": ["All rules hold.", "3 cell(s) ...: GM0999 CRI1200 2 -> 13"],
        }
    )
    quarantine = pl.DataFrame(
        schema={
            "asset_key": pl.String,
            "check_name": pl.String,
            "reason": pl.String,
            "rows_set_aside": pl.Int64,
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
    key_figures = pl.DataFrame(
        [
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
    )
    # CBS's totals against their municipalities: the national one 125 apart (a rare crime).
    aggregates = pl.DataFrame(
        {
            "source": ["incidents", "incidents", "population"],
            "region_level": ["country", "province", "country"],
            "compared": [75, 900, 1],
            "within_rounding": [75, 899, 1],
            "largest_gap": [125, 60, 0],
            "largest_gap_region": ["Nederland", "Zeeland", "Nederland"],
            "largest_gap_item": ["CRI3624", "CRI1200", "inhabitants"],
            "largest_gap_item_nl": ["3.6 Mensenhandel", "1.2 Bedrog", None],
            "largest_gap_item_en": ["Human trafficking", "Fraud (deception)", None],
        }
    )
    weight_sets = pl.DataFrame(
        {
            "weight_set": ["default_v0"] * 3 + ["alt_v1"] * 3,
            "phenomenon_code": ["fraud", "violence", "drug_production"] * 2,
            "weight": [4.0, 8.0, 7.0, 2.0, 20.0, 5.0],
            "method": ["given"] * 6,
        }
    )
    return {
        "key_figures": key_figures,
        "priorities": priorities,
        "harm_by_weight_set": harm_by_weight_set,
        "regions": regions,
        "phenomenon_regions": phenomenon_regions,
        "national_series": national_series,
        "sector_exposure": sector_exposure,
        "seizure_flows": seizure_flows,
        "financial": financial,
        "impact": impact,
        "policy_effects": policy_effects,
        "policy_series": policy_series,
        "signals": signals,
        "data_quality": quality,
        "quarantine": quarantine,
        "aggregate_reconciliation": aggregates,
        "input_files": files,
        "provisional_years": pl.DataFrame(schema={"year": pl.Int64}),
        "harm_weight_set": pl.DataFrame({"harm_weight_set": ["default_v0"]}),
        "weight_sets": weight_sets,
    }


def small_report_data(**replaced: pl.DataFrame) -> ReportData:
    return ReportData(2025, {**small_frames(), **replaced})
