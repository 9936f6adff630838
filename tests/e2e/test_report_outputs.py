"""The report's files on the demo build: both editions as HTML and PDF, the annex and the manifest;
an edition's HTML rendered again here gives its PDF to the byte (a second build of the same year
giving the same bytes is in test_concurrent_runs)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import polars as pl
import pytest
from pypdf import PdfReader

from pipeline.domain.publishing.manifest import sha256_of
from pipeline.domain.publishing.pdf import html_to_pdf
from pipeline.plumbing.sql_runner import SQL_DIR, query_frame, query_table
from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR


def out_dir(workspace: Workspace) -> Path:
    return workspace.reports / str(YEAR)


@functools.cache
def pdf_text(path: Path) -> list[str]:
    """The text of each page, read once per file (pypdf takes 1.8 s for a national edition)."""
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def manifest(demo_build: Workspace) -> dict:
    return json.loads((out_dir(demo_build) / "manifest.json").read_text(encoding="utf-8"))


def test_both_editions_as_html_and_pdf(demo_build: Workspace) -> None:
    folder = out_dir(demo_build)
    for language, title in (("nl", "Dreigingsbeeld Ondermijning"), ("en", "Threat Picture")):
        html = (folder / f"dreigingsbeeld-{YEAR}.{language}.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}">' in html
        pages = pdf_text(folder / f"dreigingsbeeld-{YEAR}.{language}.pdf")
        assert len(pages) > 5
        assert title in pages[0]
        # Every page carries its number, and the contents on page 1 list the sections.
        assert all(f"{number} / {len(pages)}" in text for number, text in enumerate(pages, 1))


@pytest.mark.parametrize(
    "edition", [f"dreigingsbeeld-{YEAR}.nl", "riec/RIEC05.en"], ids=["national", "regional"]
)
def test_an_editions_html_rendered_again_in_another_process_gives_its_pdf(
    demo_build: Workspace, edition: str
) -> None:
    # The demo build rendered it in its own process's workers; this test's process is another.
    folder = out_dir(demo_build)
    html = (folder / f"{edition}.html").read_text(encoding="utf-8")
    assert html_to_pdf(html) == (folder / f"{edition}.pdf").read_bytes()


def test_the_dutch_pdf_prints_the_dutch_figures(demo_build: Workspace) -> None:
    folder = out_dir(demo_build)
    with demo_build.connect() as conn:
        total = conn.execute(
            "select sum(event_count) from indicators.phenomenon_indicators where year = ? "
            "and region_level = 'national' and source = 'incidents'",
            [YEAR],
        ).fetchall()[0][0]
    text = " ".join(pdf_text(folder / f"dreigingsbeeld-{YEAR}.nl.pdf"))
    assert f"{total:,}".replace(",", ".") in text
    english = " ".join(pdf_text(folder / f"dreigingsbeeld-{YEAR}.en.pdf"))
    assert f"{total:,}" in english


def test_the_annex_holds_every_published_table_in_three_formats(demo_build: Workspace) -> None:
    annex = out_dir(demo_build) / "annex"
    names = sorted(path.stem for path in (SQL_DIR / "report" / "annex").glob("*.sql"))
    assert len(names) >= 15
    assert sorted(path.name for path in annex.iterdir()) == sorted(
        [f"{name}{suffix}" for name in names for suffix in (".csv", ".parquet", ".xlsx")]
        + ["datapackage.json"]  # described in tests/e2e/test_annex_datapackage.py
    )
    with demo_build.connect(prepared=True) as conn:
        for name in names:
            stored = query_table(conn, f"report/annex/{name}", {"year": YEAR})
            assert pl.read_parquet(annex / f"{name}.parquet").equals(stored), name
            assert pl.read_csv(annex / f"{name}.csv", schema=stored.schema).height == stored.height


def test_no_municipal_count_below_the_threshold_is_in_the_annex(demo_build: Workspace) -> None:
    annex = out_dir(demo_build) / "annex"
    for path in annex.glob("*.parquet"):
        frame = pl.read_parquet(path)
        if "region_level" in frame.columns:
            assert "municipality" not in frame["region_level"].to_list(), path.name
    counts = pl.read_parquet(annex / "published_municipal_counts.parquet")
    shown = counts.filter(pl.col("registered_crimes").is_not_null())
    assert shown.height > 0
    assert shown["registered_crimes"].min() >= counts["threshold"][0]


def test_manifest_names_inputs_code_run_and_the_query_of_every_figure(
    demo_build: Workspace, manifest: dict
) -> None:
    with demo_build.connect() as conn:
        loaded = conn.execute(
            "select source_file, source_sha256 from raw.loaded_files "
            "where partition_year between ? and ? and source_file is not null",
            [YEAR - 9, YEAR],
        ).fetchall()
    inputs = {(i["file"], i["sha256"]) for i in manifest["inputs"]}
    assert set(loaded) <= inputs
    reference = [i for i in manifest["inputs"] if i["source"] == "reference"]
    assert {i["file"] for i in reference} >= {"municipalities.csv", "harm_weights.csv"}
    assert len(manifest["code_version"]["git_commit"]) in (40, 7) or (
        manifest["code_version"]["git_commit"] == "unknown"
    )
    assert manifest["dagster_run_id"] == demo_build.results[str(YEAR)].run_id
    figures = manifest["figures"]
    ids = {f["id"] for f in figures}
    assert {"key_figure/registered_crimes", "finding/nl/1", "finding/en/1", "chart/trend"} <= ids
    for figure in figures:
        assert figure["queries"], figure["id"]
        for q in figure["queries"]:
            assert (SQL_DIR.parent / q["sql_file"]).is_file(), q


def test_a_figure_traced_through_the_manifest_gives_the_printed_value(
    demo_build: Workspace, manifest: dict
) -> None:
    [figure] = [f for f in manifest["figures"] if f["id"] == "key_figure/registered_crimes"]
    [q] = figure["queries"]
    name = q["sql_file"].removeprefix("sql/").removesuffix(".sql")
    with demo_build.connect(prepared=True) as conn:
        rerun = query_frame(conn, name, q["params"])
    assert rerun["registered_crimes"][0] == figure["value"]
    html = (out_dir(demo_build) / f"dreigingsbeeld-{YEAR}.nl.html").read_text(encoding="utf-8")
    assert f'<data value="{figure["value"]}" data-figure="registered_crimes">' in html


def test_manifest_lists_every_output_with_its_hash(demo_build: Workspace, manifest: dict) -> None:
    folder = out_dir(demo_build)
    listed = {o["file"]: o["sha256"] for o in manifest["outputs"]}
    assert f"dreigingsbeeld-{YEAR}.en.pdf" in listed
    for name, digest in listed.items():
        assert sha256_of(folder / name) == digest, name


def test_ten_regional_editions_in_both_languages_are_written_linked_and_listed(
    demo_build: Workspace, manifest: dict
) -> None:
    folder = out_dir(demo_build)
    with demo_build.connect() as conn:
        codes = [
            code
            for (code,) in conn.execute(
                "select riec_code from reference.riec_regions order by riec_code"
            ).fetchall()
        ]
    assert len(codes) == 10
    expected = {f"riec/{code}.{lang}.{kind}" for code in codes for lang in ("nl", "en")
                for kind in ("html", "pdf")}  # fmt: skip
    written = {p.relative_to(folder).as_posix() for p in (folder / "riec").iterdir()}
    assert written == expected
    listed = {o["file"] for o in manifest["outputs"]}
    assert expected <= listed
    for lang in ("nl", "en"):
        national = (folder / f"dreigingsbeeld-{YEAR}.{lang}.html").read_text(encoding="utf-8")
        assert all(f'href="riec/{code}.{lang}.html"' in national for code in codes)
    # Each regional edition is its region's: its name in the title, and the national figures.
    with demo_build.connect() as conn:
        names = dict(
            conn.execute("select riec_code, riec_name from reference.riec_regions").fetchall()
        )
    for code in codes:
        html = (folder / "riec" / f"{code}.nl.html").read_text(encoding="utf-8")
        assert f"<title>Dreigingsbeeld {names[code]} {YEAR}</title>" in html
