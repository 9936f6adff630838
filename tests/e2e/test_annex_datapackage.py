"""annex/datapackage.json of the demo build: valid for the frictionless library with every row of
every CSV read and checked (types, keys, bytes and hash), one resource per annex CSV, every field
described in English and Dutch, and the declared keys unique in the real rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frictionless
import polars as pl
import pytest

from pipeline.domain.publishing.datapackage import (
    ANY_TABLE,
    PACKAGE,
    field_type,
    read_field_texts,
)
from pipeline.domain.publishing.manifest import sha256_of
from pipeline.plumbing.sql_runner import SQL_DIR
from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR


@pytest.fixture(scope="module")
def annex(demo_build: Workspace) -> Path:
    return demo_build.reports / str(YEAR) / "annex"


@pytest.fixture(scope="module")
def package(annex: Path) -> dict:
    return json.loads((annex / "datapackage.json").read_text(encoding="utf-8"))


def key_of(resource: dict) -> list[str]:
    schema = resource["schema"]
    return schema.get("primaryKey") or schema["uniqueKeys"][0]


def test_frictionless_finds_the_package_valid_row_by_row(annex: Path, package: dict) -> None:
    report = frictionless.validate(str(annex / "datapackage.json"))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    # Every resource was read to its last row (types, primary keys, bytes and hash checked).
    assert rows == {r["name"]: pl.read_csv(annex / r["path"]).height for r in package["resources"]}
    assert sum(rows.values()) > 1000


def test_every_annex_csv_is_a_resource(annex: Path, package: dict) -> None:
    tables = sorted(path.stem for path in (SQL_DIR / "report" / "annex").glob("*.sql"))
    assert sorted(path.stem for path in annex.glob("*.csv")) == tables
    assert sorted(r["name"] for r in package["resources"]) == tables
    for resource in package["resources"]:
        assert resource["path"] == f"{resource['name']}.csv"
        assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
        assert resource["hash"] == f"sha256:{sha256_of(annex / resource['path'])}"


def test_every_field_is_the_csv_column_with_its_type_and_both_descriptions(
    annex: Path, package: dict
) -> None:
    for resource in package["resources"]:
        name, fields = resource["name"], resource["schema"]["fields"]
        stored = pl.read_parquet(annex / f"{name}.parquet")
        header = (annex / resource["path"]).read_text(encoding="utf-8").split("\n", 1)[0]
        assert [f["name"] for f in fields] == header.split(",") == stored.columns, name
        for field in fields:
            where = f"{name}.{field['name']}"
            assert field["type"] == field_type(stored.schema[field["name"]])["type"], where
            assert field["description"].strip() and field["description_nl"].strip(), where
            assert field["description"] != field["description_nl"], where
        assert resource["description"].strip() and resource["description_nl"].strip(), name
    assert package["title"] and package["title_nl"]


def test_the_declared_keys_identify_every_row(annex: Path, package: dict) -> None:
    for resource in package["resources"]:
        key = key_of(resource)
        frame = pl.read_parquet(annex / f"{resource['name']}.parquet")
        # Empty counts as a value here: stricter than uniqueKeys, which skip rows with a null.
        assert not frame.select(key).is_duplicated().any(), resource["name"]
        if "primaryKey" in resource["schema"]:
            assert frame.select(key).null_count().sum_horizontal().item() == 0


def test_no_description_is_left_behind(annex: Path) -> None:
    columns = {
        (path.stem, column) for path in annex.glob("*.csv") for column in pl.read_csv(path).columns
    }
    tables = {table for table, _ in columns}
    for table, column in read_field_texts():
        if (table, column) == PACKAGE:
            continue
        if table == ANY_TABLE:
            assert column in {c for _, c in columns}, f"* {column} describes no annex column"
        elif column:
            assert (table, column) in columns, f"{table}.{column} describes no annex column"
        else:
            assert table in tables, f"{table} is no annex table"


def test_package_names_year_sources_credit_and_no_clock(package: dict) -> None:
    assert (package["year"], package["synthetic"]) == (YEAR, True)
    assert package["languages"] == ["en", "nl"]
    assert "created" not in package
    sources = {s["name"]: s for s in package["sources"]}
    assert {"incidents", "population", "establishments", "drug_sites", "financial"} <= set(sources)
    cbs = {name for name, s in sources.items() if "table_id" in s}
    assert cbs == {"incidents", "population", "establishments"}
    for name in cbs:
        assert sources[name]["licenses"][0]["name"] == "CC-BY-4.0"
        assert sources[name]["table_id"] in sources[name]["path"]
    assert "Bron: CBS" in package["description"]


def test_the_manifest_lists_the_package(demo_build: Workspace, annex: Path) -> None:
    manifest = json.loads((annex.parent / "manifest.json").read_text(encoding="utf-8"))
    listed = {o["file"]: o["sha256"] for o in manifest["outputs"]}
    assert listed["annex/datapackage.json"] == sha256_of(annex / "datapackage.json")


def test_a_broken_row_makes_the_package_invalid(annex: Path, tmp_path: Path) -> None:
    copy = tmp_path / "annex"
    shutil.copytree(annex, copy)
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:  # so that the rows, not the hash, are what fails
        del resource["bytes"], resource["hash"]
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    counts = copy / "published_region_counts.csv"
    header, first, *rest = counts.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = first.split(",")
    cells[5] = "many"  # registered_crimes
    counts.write_text("".join([header, ",".join(cells), first, *rest]), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    errors = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid
    assert errors == {"type-error", "primary-key"}
