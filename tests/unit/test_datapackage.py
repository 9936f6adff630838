"""The annex's datapackage.json on small frames: the types as the CSV writes them, keys, both
languages, the descriptions file, and the refusals (a column without a description, a table
without a key, a key the rows break). Validated with the frictionless library."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import frictionless
import polars as pl
import pytest

from pipeline.domain.publishing import datapackage
from pipeline.domain.publishing.annex import write_annex
from pipeline.domain.publishing.datapackage import (
    FIELDS_HEADER,
    KEYS,
    PACKAGE,
    FieldText,
    Key,
    field_type,
    missing_texts,
    package_descriptor,
    read_field_texts,
)

ANNEX_SQL = Path(__file__).resolve().parents[2] / "sql" / "report" / "annex"


def counts() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "region_code": ["NL01", "RIEC01", "RIEC02", "=cmd"],
            "crimes": [120, None, 7, 3],
            "rate": [1.5, float("nan"), float("inf"), None],
            "is_gap": [False, True, None, True],
            "reference_date": [dt.date(2025, 1, 1), None, dt.date(2024, 12, 31), None],
            "note": ['a "quoted", word', None, "two\nlines", ""],
        },
        schema_overrides={"crimes": pl.Int32},
    )


def series() -> pl.DataFrame:
    # sector is empty by design for the series not split by sector
    return pl.DataFrame({"region_code": ["NL01", "NL01"], "sector": [None, "logistics"]})


TEXTS = {
    PACKAGE: FieldText("", "The test package.", "Het testpakket."),
    ("counts", ""): FieldText("", "Counts per region.", "Aantallen per regio."),
    ("series", ""): FieldText("", "Series.", "Reeksen."),
    ("*", "region_code"): FieldText("", "Code of the region.", "Code van de regio."),
    ("counts", "crimes"): FieldText("crimes", "Registered crimes.", "Geregistreerde misdrijven."),
    ("counts", "rate"): FieldText("per 100,000 inhabitants", "Rate.", "Niveau."),
    ("counts", "is_gap"): FieldText("", "Gap or not.", "Witte vlek of niet."),
    ("counts", "reference_date"): FieldText("", "Reference date.", "Peildatum."),
    ("counts", "note"): FieldText("", "A note.", "Een opmerking."),
    ("series", "sector"): FieldText("", "Sector, empty if none.", "Sector, leeg als geen."),
}
TEST_KEYS = {"counts": Key(("region_code",)), "series": Key(("region_code", "sector"), True)}


def descriptor(tmp_path: Path, tables: dict[str, pl.DataFrame], **options: object) -> dict:
    write_annex(tables, tmp_path)
    arguments: dict = {"year": 2025, "synthetic": False, "sources": ["incidents", "signals"]}
    arguments |= {"texts": TEXTS, "keys": TEST_KEYS} | options
    return package_descriptor(tables, tmp_path, **arguments)


def written(tmp_path: Path, tables: dict[str, pl.DataFrame], **options: object) -> Path:
    path = tmp_path / "datapackage.json"
    text = json.dumps(descriptor(tmp_path, tables, **options), ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def fields_of(package: dict, resource: str) -> dict[str, dict]:
    [found] = [r for r in package["resources"] if r["name"] == resource]
    return {field["name"]: field for field in found["schema"]["fields"]}


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        (pl.Int64, "integer"),
        (pl.UInt64, "integer"),
        (pl.Float32, "number"),
        (pl.Float64, "number"),
        (pl.Decimal(10, 2), "number"),
        (pl.Boolean, "boolean"),
        (pl.Date, "date"),
        (pl.Datetime("us"), "datetime"),
        (pl.Time, "time"),
        (pl.String, "string"),
        (pl.Categorical, "string"),
        (pl.Enum(["a", "b"]), "string"),
        (pl.Null, "any"),
    ],
)
def test_each_column_type_gets_its_table_schema_type(dtype: pl.DataType, expected: str) -> None:
    assert field_type(dtype)["type"] == expected


def test_a_type_the_csv_cannot_hold_is_refused() -> None:
    with pytest.raises(TypeError, match="no Table Schema type"):
        field_type(pl.List(pl.Int64))


def test_every_written_type_validates_with_frictionless(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "id": [1, 2, 3],
            "amount": pl.Series([Decimal("1.50"), None, Decimal("-2.25")], dtype=pl.Decimal(10, 2)),
            "small": pl.Series([1.5, float("-inf"), 1e-300], dtype=pl.Float64),
            "at": [dt.datetime(2025, 1, 2, 3, 4, 5, 6), None, dt.datetime(2000, 1, 1)],
            "clock": [dt.time(3, 4, 5, 123), None, dt.time(0, 0)],
            "kind": pl.Series(["a", None, "b"], dtype=pl.Categorical),
            "big": pl.Series([2**63, 0, None], dtype=pl.UInt64),
        }
    )
    texts = {PACKAGE: TEXTS[PACKAGE], ("types", ""): TEXTS["counts", ""]}
    texts |= {("types", c): FieldText("", f"{c}.", f"{c} (nl).") for c in frame.columns}
    path = written(tmp_path, {"types": frame}, texts=texts, keys={"types": Key(("id",))})
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == 3


def test_the_descriptor_declares_what_the_csv_holds(tmp_path: Path) -> None:
    package = descriptor(tmp_path, {"counts": counts()})
    [resource] = package["resources"]
    assert resource["path"] == "counts.csv"
    assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
    assert resource["dialect"] == {
        "header": True,
        "delimiter": ",",
        "lineTerminator": "\n",
        "quoteChar": '"',
        "doubleQuote": True,
    }
    assert resource["bytes"] == (tmp_path / "counts.csv").stat().st_size
    schema = resource["schema"]
    assert schema["missingValues"] == [""]
    assert schema["primaryKey"] == ["region_code"]
    fields = fields_of(package, "counts")
    assert list(fields) == counts().columns
    assert {name: field["type"] for name, field in fields.items()} == {
        "region_code": "string",
        "crimes": "integer",
        "rate": "number",
        "is_gap": "boolean",
        "reference_date": "date",
        "note": "string",
    }
    assert fields["region_code"]["constraints"] == {"required": True}
    assert "constraints" not in fields["crimes"]
    assert fields["rate"]["unit"] == "per 100,000 inhabitants"
    assert "unit" not in fields["note"]
    # a shared ("*") description, and the table's own
    assert fields["region_code"]["description_nl"] == "Code van de regio."
    assert fields["crimes"]["description"] == "Registered crimes."


def test_nan_inf_null_and_awkward_text_validate(tmp_path: Path) -> None:
    path = written(tmp_path, {"counts": counts(), "series": series()})
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    read = frictionless.Package(str(path)).get_resource("counts").read_rows()
    assert [r["crimes"] for r in read] == [120, None, 7, 3]
    assert str(read[1]["rate"]) == "NaN" and str(read[2]["rate"]) == "Infinity"
    assert read[3]["region_code"] == "'=cmd"  # neutralised, as the annex writes it


def test_a_key_with_an_empty_column_by_design_is_a_unique_key(tmp_path: Path) -> None:
    package = descriptor(tmp_path, {"series": series()})
    schema = package["resources"][0]["schema"]
    assert "primaryKey" not in schema
    assert schema["uniqueKeys"] == [["region_code", "sector"]]
    assert all("constraints" not in field for field in schema["fields"])


def test_frictionless_fails_a_file_that_breaks_the_declared_types(tmp_path: Path) -> None:
    path = written(tmp_path, {"counts": counts()})
    package = json.loads(path.read_text())
    csv_path = tmp_path / "counts.csv"
    csv_path.write_text(csv_path.read_text().replace("NL01,120,", "NL01,many,"))
    for resource in package["resources"]:  # the hash would fail first
        del resource["bytes"], resource["hash"]
    path.write_text(json.dumps(package))
    report = frictionless.validate(str(path))
    assert not report.valid
    assert [e.type for e in report.tasks[0].errors] == ["type-error"]


def test_frictionless_fails_a_changed_file_by_its_hash(tmp_path: Path) -> None:
    path = written(tmp_path, {"counts": counts()})
    csv_path = tmp_path / "counts.csv"
    csv_path.write_text(csv_path.read_text().replace("NL01,120,", "NL01,121,"))
    report = frictionless.validate(str(path))
    assert not report.valid
    assert "hash-count" in {e.type for e in report.tasks[0].errors}


def test_a_column_without_a_description_stops_the_build(tmp_path: Path) -> None:
    tables = {"counts": counts().with_columns(pl.lit(1).alias("new_column"))}
    with pytest.raises(ValueError, match=r"annex_fields\.csv.*counts\.new_column"):
        descriptor(tmp_path, tables)
    texts = {k: v for k, v in TEXTS.items() if k not in (("counts", ""), PACKAGE)}
    assert missing_texts({"counts": counts()}, texts) == ["the package", "counts"]


def test_a_table_without_a_key_or_with_a_broken_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="identify a row of: counts"):
        descriptor(tmp_path, {"counts": counts()}, keys={})
    twice = pl.concat([counts(), counts().head(1)])
    with pytest.raises(ValueError, match="two rows share the key region_code"):
        descriptor(tmp_path, {"counts": twice})
    empty = counts().with_columns(pl.lit(None, pl.String).alias("region_code"))
    with pytest.raises(ValueError, match="primary key column with an empty cell: region_code"):
        descriptor(tmp_path, {"counts": empty.head(1)})
    with pytest.raises(ValueError, match="does not have: nowhere"):
        descriptor(tmp_path, {"counts": counts()}, keys={"counts": Key(("nowhere",))})


def test_package_metadata_in_both_languages_without_a_clock(tmp_path: Path) -> None:
    package = descriptor(tmp_path, {"counts": counts()})
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["name"] == "dreigingsbeeld-2025-annex"
    assert package["title"].startswith(
        "Threat Picture of Undermining Crime in the Netherlands 2025"
    )
    assert package["title_nl"].startswith("Dreigingsbeeld Ondermijning Nederland 2025")
    assert package["languages"] == ["en", "nl"]
    assert (package["year"], package["synthetic"]) == (2025, False)
    assert "created" not in package
    assert "synthetic" not in package["description"]
    demo = descriptor(tmp_path, {"counts": counts()}, synthetic=True)
    assert "synthetic demo data" in demo["description"]
    assert "synthetische demodata" in demo["description_nl"]


def test_sources_are_named_as_the_report_names_them(tmp_path: Path) -> None:
    sources = ["signals", "incidents", "signals", "establishments"]
    package = descriptor(tmp_path, {"counts": counts()}, sources=sources)
    by_name = {source["name"]: source for source in package["sources"]}
    assert list(by_name) == ["establishments", "incidents", "signals"]
    assert by_name["incidents"]["title"] == "Statistics Netherlands 83648NED, registered crimes"
    assert by_name["incidents"]["title_nl"] == "CBS 83648NED, geregistreerde misdrijven"
    assert by_name["establishments"]["table_id"] == "81575NED"
    assert by_name["incidents"]["licenses"][0]["name"] == "CC-BY-4.0"
    assert by_name["incidents"]["credit"] == "Bron: CBS"
    # no licence is known for the other publishers: none is claimed
    assert "licenses" not in by_name["signals"]
    with pytest.raises(KeyError):
        descriptor(tmp_path, {"counts": counts()}, sources=["no_such_source"])


def test_the_same_tables_give_the_same_bytes(tmp_path: Path) -> None:
    tables = {"counts": counts(), "series": series()}
    first = written(tmp_path / "a", tables).read_bytes()
    assert written(tmp_path / "b", tables).read_bytes() == first


def test_the_descriptions_file_is_complete_and_well_formed() -> None:
    texts = read_field_texts()
    assert PACKAGE in texts
    annex_tables = sorted(path.stem for path in ANNEX_SQL.glob("*.sql"))
    # Every annex table has a key and its own description; no row names a table that is gone.
    assert sorted(KEYS) == annex_tables
    assert all((name, "") in texts for name in annex_tables)
    assert {table for table, _ in texts} <= {"", "*", *annex_tables}


def test_the_descriptions_file_refuses_gaps_and_repeats(tmp_path: Path) -> None:
    header = ",".join(FIELDS_HEADER)
    path = tmp_path / "fields.csv"
    path.write_text(f"{header}\ncounts,crimes,,Crimes.,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2.*needs both descriptions"):
        read_field_texts(path)
    path.write_text(f"{header}\ncounts,crimes,,A.,B.\ncounts,crimes,,C.,D.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3.*described twice"):
        read_field_texts(path)
    path.write_text("table,column,description\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header must be"):
        read_field_texts(path)


def test_the_domain_module_writes_plain_json_without_frictionless() -> None:
    source = Path(datapackage.__file__).read_text(encoding="utf-8")
    assert "import frictionless" not in source and "from frictionless" not in source
