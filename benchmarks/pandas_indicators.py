"""(Pd) The two indicator tables in plain pandas (read_csv, merge, groupby) with SciPy's
chi-square quantiles for the exact Poisson intervals: what an analyst would write.

Every municipality of the 2025 division gets a row per year and item (zero where nothing was
counted), with its inhabitants; then the rows are summed to RIEC regions, provinces and the
Netherlands (as sql/macros/every_municipality.sql and rolled_up.sql do).
"""

from __future__ import annotations

import pandas as pd

from benchmarks.bench_data import BenchFiles
from benchmarks.intervals import poisson_bounds
from benchmarks.pandas_crimes import counted_crimes, read_crimes
from benchmarks.pandas_sources import code_map, read_population, read_reference, read_transactions

CONFIDENCE_LEVEL = 0.95
GAP_MAX_UPPER_RATIO = 2.0
WEIGHT_SET = "default_v0"
REGION = ["year", "region_level", "region_code", "region_name"]


def region_membership(municipalities: pd.DataFrame) -> pd.DataFrame:
    """Each municipality with the regions it belongs to, one row per level."""
    levels = [
        ("municipality", "municipality_code", "municipality_name"),
        ("riec_region", "riec_code", "riec_name"),
        ("province", "province_code", "province_name"),
    ]
    frames = [
        pd.DataFrame(
            {
                "municipality_code": municipalities.municipality_code,
                "region_level": level,
                "region_code": municipalities[code],
                "region_name": municipalities[name],
            }
        )
        for level, code, name in levels
    ]
    national = municipalities[["municipality_code"]].assign(
        region_level="national", region_code="NL01", region_name="Nederland"
    )
    return pd.concat([*frames, national], ignore_index=True)


def rolled_up(files, counts, items, key, measures, municipalities, population) -> pd.DataFrame:
    """Every year x municipality x item (zero where not counted; counts find their item by
    ``key``), summed to every region."""
    years = pd.DataFrame({"year": list(files.years)})
    cells = items.merge(years, how="cross").merge(
        municipalities[["municipality_code"]], how="cross"
    )
    keys = ["year", "municipality_code", key]
    cells = cells.merge(counts[[*keys, *measures]], how="left", on=keys)
    cells[measures] = cells[measures].fillna(0)
    cells = cells.merge(population, how="left", on=["year", "municipality_code"])
    regional = cells.merge(region_membership(municipalities), on="municipality_code")
    totals = regional.groupby([*REGION, *items.columns], as_index=False)
    return totals[[*measures, "inhabitants"]].sum(min_count=1)


def financial_indicators(files, municipalities, population, codes) -> pd.DataFrame:
    measures = ["unusual_transactions", "suspicious_transactions", "suspicious_amount_eur"]
    counts = read_transactions(files, codes)
    sectors = read_reference(files, "fiu_reporting_sectors")[
        ["reporting_sector_code", "sector_code"]
    ]
    table = rolled_up(
        files, counts, sectors, "reporting_sector_code", measures, municipalities, population
    )
    table = table.rename(columns={"inhabitants": "population"})
    table["suspicious_per_100k"] = (
        table["suspicious_transactions"] * 100000.0 / table["population"].where(lambda p: p != 0)
    )
    table[measures] = table[measures].astype("int64")
    table["population"] = table["population"].astype("Int64")
    return table[[*REGION, "reporting_sector_code", "sector_code", *measures, "population",
                  "suspicious_per_100k"]]  # fmt: skip


def _events(files, municipalities, codes) -> pd.DataFrame:
    """Registered crimes per year, municipality and phenomenon (every crime once)."""
    crime_types = read_reference(files, "crime_types")
    crimes = read_crimes(files, crime_types, municipalities, codes)
    counted = counted_crimes(crimes, crime_types)
    events = counted.groupby(["year", "municipality_code", "phenomenon_code"], as_index=False)
    events = events.agg(
        event_count=("registered_crimes", "sum"), suppressed_cells=("is_suppressed", "sum")
    )
    phenomena = crime_types.loc[crime_types.phenomenon_code != "", ["phenomenon_code"]]
    return events, phenomena.drop_duplicates()


def phenomenon_indicators(files, municipalities, population, codes) -> pd.DataFrame:
    events, phenomena = _events(files, municipalities, codes)
    measures = ["event_count", "suppressed_cells"]
    table = rolled_up(
        files, events, phenomena, "phenomenon_code", measures, municipalities, population
    )
    table = table.rename(columns={"inhabitants": "population"})
    weights = read_reference(files, "harm_weights")
    weights = weights.loc[weights.weight_set == WEIGHT_SET, ["phenomenon_code", "weight"]]
    table = table.merge(weights.astype({"weight": float}), on="phenomenon_code")
    count = table["event_count"].to_numpy(dtype=float)
    lower, upper = poisson_bounds(count, CONFIDENCE_LEVEL)
    population = table["population"].where(lambda p: p != 0)
    thin = pd.Series(upper > GAP_MAX_UPPER_RATIO * count, index=table.index)
    gap = pd.Series(None, index=table.index, dtype=object)
    gap[thin] = "thin"
    gap[table["suppressed_cells"] > 0] = "suppressed"
    table = table.assign(
        source="incidents",
        harm_weight_set=WEIGHT_SET,
        rate_per_100k=count * 100000.0 / population,
        harm_score=count * table["weight"],
        confidence_level=CONFIDENCE_LEVEL,
        event_count_lower=lower,
        event_count_upper=upper,
        rate_per_100k_lower=lower * 100000.0 / population,
        rate_per_100k_upper=upper * 100000.0 / population,
        harm_score_lower=lower * table["weight"],
        harm_score_upper=upper * table["weight"],
        is_intelligence_gap=gap.notna(),
        gap_reason=gap,
    ).rename(columns={"weight": "harm_weight"})
    table[measures] = table[measures].astype("int64")
    table["population"] = table["population"].astype("Int64")
    return table[PHENOMENON_COLUMNS]


PHENOMENON_COLUMNS = [
    *REGION, "phenomenon_code", "source", "event_count", "suppressed_cells", "population",
    "rate_per_100k", "harm_weight_set", "harm_weight", "harm_score", "confidence_level",
    "event_count_lower", "event_count_upper", "rate_per_100k_lower", "rate_per_100k_upper",
    "harm_score_lower", "harm_score_upper", "is_intelligence_gap", "gap_reason",
]  # fmt: skip


def pandas_indicators(files: BenchFiles) -> dict[str, pd.DataFrame]:
    municipalities = read_reference(files, "municipalities")
    codes = code_map(files, municipalities)
    population = read_population(files, codes)
    return {
        "financial_indicators": financial_indicators(files, municipalities, population, codes),
        "phenomenon_indicators": phenomenon_indicators(files, municipalities, population, codes),
    }
