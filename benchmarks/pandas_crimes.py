"""(Pd) Registered crimes with pandas: the CBS 83648NED files, and every crime counted once.

The OData v3 CSV files hold codes; the StatLine download holds labels, turned back into codes
(a numbered crime label by its number, another by its title; a municipality by its name in the
2025 division: the demo's StatLine year is 2025). A label that maps to no code stops the run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from benchmarks.bench_data import BenchFiles
from benchmarks.pandas_sources import (
    AGGREGATE_LABEL,
    MUNICIPALITY,
    MUNICIPALITY_SUFFIX,
    NUMBERING,
    STATLINE_COUNT,
    to_2025_division,
)

THOUSANDS = re.compile(r"-?\d{1,3}(?:\.\d{3})+")


def _as_count(text: pd.Series) -> pd.Series:
    """try_cast(nullif(value, '.') as bigint), with CBS's 'missing' codes (<= -99990) unknown."""
    stripped = text.str.strip()
    counts = pd.to_numeric(stripped.mask(stripped == "."), errors="coerce")
    return counts.where(counts > -99990)


def _v3_rows(files: BenchFiles) -> pd.DataFrame:
    paths = sorted((files.data_dir / "demo" / "incidents").glob("83648NED_*.csv"))
    columns = ["SoortMisdrijf", "RegioS", "Perioden", "TotaalGeregistreerdeMisdrijven_1"]
    frames = [pd.read_csv(p, sep=";", dtype=str, usecols=columns) for p in paths]
    raw = pd.concat(frames, ignore_index=True)
    code = raw["RegioS"].str.strip()
    return pd.DataFrame(
        {
            "year": raw["Perioden"].str.strip().str[:4].astype(int),
            "delivered_code": code,
            "crime_type_code": raw["SoortMisdrijf"].str.strip(),
            "registered_crimes": _as_count(raw["TotaalGeregistreerdeMisdrijven_1"]),
            "is_municipal": code.str.match(MUNICIPALITY) & (code != "GM0999"),
        }
    )


def _statline_number(cell: str) -> str | None:
    cell = cell.strip()
    if cell in ("", ".", "x"):
        return None if cell == "" else "."
    if cell == "-":
        return "0"
    if THOUSANDS.fullmatch(cell):
        return cell.replace(".", "")
    return cell


def _crime_codes(crime_types: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """Crime codes by their number ('111') and by their titles, lower case."""
    by_number, by_title = {}, {}
    for code, title, label in crime_types[["crime_type_code", "cbs_title", "label_nl"]].values:
        first = title.split(" ", 1)[0]
        if NUMBERING.match(first):
            by_number[first.replace(".", "")] = code
        by_title[" ".join(title.split()).lower()] = code
        by_title[" ".join(label.split()).lower()] = code
    return by_number, by_title


def _crime_code(label: str, by_number: dict[str, str], by_title: dict[str, str]) -> str | None:
    first = label.split(" ", 1)[0]
    if NUMBERING.match(first):
        return by_number.get(first.replace(".", ""))
    return by_title.get(" ".join(label.split()).lower())


def _statline_rows(path: Path, crime_types: pd.DataFrame, names: dict[str, str]):
    raw = pd.read_csv(path, sep=";", skiprows=2, dtype=str, keep_default_na=False)
    raw = raw[raw["Regio's"].str.strip() != ""]
    region = raw["Regio's"].str.strip()
    municipal = ~(
        region.str.lower().isin(["nederland", "niet in te delen"])
        | region.str.contains(AGGREGATE_LABEL)
    )
    raw, region = raw[municipal], region[municipal].str.replace(MUNICIPALITY_SUFFIX, "", regex=True)
    by_number, by_title = _crime_codes(crime_types)
    crime = raw["Soort misdrijf"].str.strip().map(lambda x: _crime_code(x, by_number, by_title))
    code = region.str.lower().map(names)
    unmapped = raw[crime.isna() | code.isna()]
    if len(unmapped):
        labels = set(unmapped["Regio's"]) | set(unmapped["Soort misdrijf"])
        raise ValueError(f"{path.name}: labels that map to no code: {sorted(labels)[:10]}")
    cells = raw[STATLINE_COUNT].map(_statline_number)
    return pd.DataFrame(
        {
            "year": raw["Perioden"].str.strip().str[:4].astype(int),
            "delivered_code": code,
            "crime_type_code": crime,
            "registered_crimes": _as_count(cells.fillna("")),
            "is_municipal": True,
        }
    )


def read_crimes(files: BenchFiles, crime_types, municipalities, codes) -> pd.DataFrame:
    """Registered crimes per year, 2025 municipality and delivered crime code."""
    names = dict(
        zip(
            municipalities.municipality_name.str.lower(),
            municipalities.municipality_code,
            strict=True,
        )
    )
    frames = [_v3_rows(files)]
    frames += [_statline_rows(p, crime_types, names) for p in files.incidents_statline]
    rows = pd.concat(frames, ignore_index=True)
    rows = rows[rows["is_municipal"] & rows["year"].between(files.first_year, files.last_year)]
    rows = rows.drop(columns="is_municipal").assign(
        is_suppressed=lambda r: r["registered_crimes"].isna()
    )
    mapped = to_2025_division(rows, ["registered_crimes"], codes)
    keys = ["year", "municipality_code", "crime_type_code"]
    return mapped.groupby(keys, as_index=False).agg(
        registered_crimes=("registered_crimes", lambda s: s.sum(min_count=1)),
        is_suppressed=("is_suppressed", "any"),
    )


def crime_type_paths(crime_types: pd.DataFrame) -> pd.DataFrame:
    """Every crime type with each of its ancestors (itself at distance 0)."""
    parent = dict(zip(crime_types.crime_type_code, crime_types.parent_code, strict=True))
    rows = []
    for code in crime_types.crime_type_code:
        ancestor, distance = code, 0
        while ancestor and distance <= 10:
            rows.append((code, ancestor, distance))
            ancestor, distance = parent.get(ancestor, ""), distance + 1
    return pd.DataFrame(rows, columns=["crime_type_code", "ancestor_code", "distance"])


def counted_crimes(crimes: pd.DataFrame, crime_types: pd.DataFrame) -> pd.DataFrame:
    """Each phenomenon's crimes once: a delivered code counts for a counted code unless a code
    between the two was delivered too."""
    paths = crime_type_paths(crime_types)
    counted = crime_types.loc[
        crime_types.phenomenon_code != "", ["crime_type_code", "phenomenon_code"]
    ]
    counted = counted.rename(columns={"crime_type_code": "counted_code"})
    rows = crimes.merge(paths, on="crime_type_code").merge(
        counted, left_on="ancestor_code", right_on="counted_code"
    )
    cell = ["year", "municipality_code", "counted_code"]
    delivered = rows[[*cell, "crime_type_code"]].rename(columns={"crime_type_code": "nearer"})
    # For each row, its delivered codes strictly between it and the counted code.
    above = rows[[*cell, "crime_type_code"]].merge(paths[paths.distance > 0], on="crime_type_code")
    shadowed = above.merge(delivered, left_on=[*cell, "ancestor_code"], right_on=[*cell, "nearer"])
    shadowed = shadowed[[*cell, "crime_type_code"]].drop_duplicates().assign(shadowed=True)
    rows = rows.merge(shadowed, how="left", on=[*cell, "crime_type_code"])
    return rows[rows["shadowed"].isna()].drop(columns=["shadowed", "ancestor_code", "distance"])
