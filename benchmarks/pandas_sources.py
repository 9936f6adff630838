"""(Pd) Reading the files with pandas, as an analyst would: read_csv, merge, groupby.

Every source ends as counts per 2025 municipality: codes of older divisions go through the code
map, a split municipality's count to its successors by share in whole units, largest remainder
first (as sql/macros/in_2025_division.sql does). Nulls stay NaN (floats) until the end.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from benchmarks.bench_data import POPULATION_MEASURE_TITLE, BenchFiles

MUNICIPALITY = re.compile(r"^GM\d{4}$")
NUMBERING = re.compile(r"^\d+(?:\.\d+)*$")
AGGREGATE_LABEL = re.compile(r"\((?:PV|LD|RE|CR)\)$", re.IGNORECASE)
MUNICIPALITY_SUFFIX = re.compile(r"\s*\((gemeente|gem\.)\)$", re.IGNORECASE)
STATLINE_COUNT = "Geregistreerde misdrijven|Totaal geregistreerde misdrijven (aantal)"


def read_reference(files: BenchFiles, name: str) -> pd.DataFrame:
    return pd.read_csv(files.reference(name), dtype=str, keep_default_na=False)


def code_map(files: BenchFiles, municipalities: pd.DataFrame) -> pd.DataFrame:
    """source_code -> municipality_code, share: current codes to themselves, old codes through
    their chains of changes to the 2025 division."""
    changes = read_reference(files, "municipal_reclassifications")
    successors: dict[str, list[tuple[str, float]]] = {}
    for old, new, share in zip(changes.old_code, changes.new_code, changes.share, strict=True):
        successors.setdefault(old, []).append((new, float(share)))
    current = set(municipalities.municipality_code)
    rows = [(code, code, 1.0) for code in current]
    for old in successors:
        reached: dict[str, float] = {}
        stack = [(new, share) for new, share in successors[old]]
        while stack:
            code, share = stack.pop()
            if code in current:
                reached[code] = reached.get(code, 0.0) + share
            stack += [(new, share * part) for new, part in successors.get(code, [])]
        rows += [(old, code, share) for code, share in reached.items()]
    return pd.DataFrame(rows, columns=["source_code", "municipality_code", "share"])


def to_2025_division(delivered: pd.DataFrame, measures: list[str], codes: pd.DataFrame):
    """One row per delivered row and 2025 municipality, each measure in whole units."""
    rows = delivered.reset_index(drop=True).rename_axis("part").reset_index()
    rows = rows.merge(codes, how="left", left_on="delivered_code", right_on="source_code")
    rows["municipality_code"] = rows["municipality_code"].fillna(rows["delivered_code"])
    rows["share"] = rows["share"].fillna(1.0)
    for measure in measures:
        exact = rows[measure].astype(float) * rows["share"]
        floor = np.floor(exact)
        ranked = rows.assign(remainder=exact - floor).sort_values(
            ["part", "remainder", "municipality_code"], ascending=[True, False, True]
        )
        rank = ranked.groupby("part").cumcount().add(1).reindex(rows.index)
        missing = rows[measure] - floor.groupby(rows["part"]).transform("sum")
        rows[measure] = floor + (rank <= missing).astype(float)
        rows.loc[exact.isna(), measure] = np.nan
    return rows


def read_population(files: BenchFiles, codes: pd.DataFrame) -> pd.DataFrame:
    """Inhabitants on 1 January per year and 2025 municipality (CBS 03759NED, OData v4)."""
    measures = json.loads(files.population_measures.read_text(encoding="utf-8"))["value"]
    wanted = {m["Identifier"] for m in measures if m["Title"].strip() == POPULATION_MEASURE_TITLE}
    pages = json.loads(files.population.read_text(encoding="utf-8"))
    pages = pages if isinstance(pages, list) else [pages]
    cells = pd.concat([pd.DataFrame(page["value"]) for page in pages], ignore_index=True)
    cells["delivered_code"] = cells["RegioS"].str.strip()
    cells["year"] = cells["Perioden"].str[:4].astype(int)
    cells = cells[
        cells["Measure"].isin(wanted)
        & (cells["Geslacht"] == "T001038")
        & (cells["Leeftijd"] == "10000")
        & (cells["BurgerlijkeStaat"] == "T001019")
        & cells["delivered_code"].str.match(MUNICIPALITY)
        & (cells["delivered_code"] != "GM0999")
        & cells["year"].between(files.first_year, files.last_year)
    ]
    delivered = cells[["year", "delivered_code"]].assign(inhabitants=cells["Value"].astype(float))
    mapped = to_2025_division(delivered, ["inhabitants"], codes)
    return mapped.groupby(["year", "municipality_code"], as_index=False)["inhabitants"].sum(
        min_count=1
    )


def _transaction_cells(year: int, path) -> pd.DataFrame:
    """One year's records counted per delivered municipality and reporting group."""
    # The whole file with pandas' own type guesses, as an analyst reads it (one year at a time:
    # the files come per year and the indicators are per year).
    records = pd.read_csv(path, sep=";")
    # Cents as whole numbers, so that the sum is exact before it is rounded to euros.
    cents = (records["bedrag_eur"] * 100).round().astype("int64")
    records["suspicious_cents"] = cents.where(records["verdacht"] == 1, 0)
    cells = records.groupby(["gemeentecode", "meldersgroep"]).agg(
        unusual_transactions=("verdacht", "size"),
        suspicious_transactions=("verdacht", "sum"),
        suspicious_cents=("suspicious_cents", "sum"),
    )
    cells = cells.reset_index().rename(
        columns={"gemeentecode": "delivered_code", "meldersgroep": "reporting_sector_code"}
    )
    # Whole euros, half away from zero (as DuckDB rounds a decimal); amounts are never negative.
    cells["suspicious_amount_eur"] = (cells.pop("suspicious_cents") + 50) // 100
    return cells.assign(year=year)


def read_transactions(files: BenchFiles, codes: pd.DataFrame) -> pd.DataFrame:
    """FIU transactions per year, 2025 municipality and reporting group, from the records."""
    measures = ["unusual_transactions", "suspicious_transactions", "suspicious_amount_eur"]
    delivered = pd.concat(
        [_transaction_cells(y, p) for y, p in zip(files.years, files.transactions, strict=True)],
        ignore_index=True,
    )
    delivered[measures] = delivered[measures].astype(float)
    mapped = to_2025_division(delivered, measures, codes)
    keys = ["year", "municipality_code", "reporting_sector_code"]
    return mapped.groupby(keys, as_index=False)[measures].sum()
