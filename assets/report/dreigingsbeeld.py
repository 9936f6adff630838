"""Report assets: the yearly threat picture written to reports/<year>/ in Dutch and English, as
HTML and PDF, with its annex (every published indicator table as CSV, Parquet and XLSX) and
its manifest."""

from contextlib import ExitStack
from pathlib import Path

import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    asset,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.publishing.annex import write_annex
from pipeline.domain.publishing.datapackage import write_datapackage
from pipeline.domain.publishing.edition_cache import EditionCache
from pipeline.domain.publishing.manifest import build_manifest, write_manifest
from pipeline.domain.publishing.markdown import markdown_table
from pipeline.domain.publishing.pdf import PdfRenderer
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.whole_folder import written_whole
from pipeline.plumbing.partitions import (
    SINGLE_RUN,
    partition_years,
    ten_years_of,
    yearly_partitions,
)
from pipeline.plumbing.report_queries import load_report_data
from pipeline.plumbing.report_renderer import ReportRenderer
from pipeline.plumbing.resources import ProjectPaths
from pipeline.plumbing.sql_runner import SQL_DIR, query_table

ANNEX_DIR = SQL_DIR / "report" / "annex"
# The regional editions' folder in a year's report folder.
REGIONAL_DIR = "riec"
PROJECT_ROOT = SQL_DIR.parent


def annex_tables(conn, year: int) -> dict[str, pl.DataFrame]:
    """Every published indicator table of the year (sql/report/annex/<name>.sql)."""
    return {
        path.stem: query_table(conn, f"report/annex/{path.stem}", {"year": year})
        for path in sorted(ANNEX_DIR.glob("*.sql"))
    }


def code_version(root: Path = PROJECT_ROOT) -> dict[str, object]:
    """The git commit the code was run from, read from .git itself (no git process needed);
    'unknown' outside a git checkout."""
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            return {"git_commit": head}  # a detached HEAD holds the commit itself
        ref = head.removeprefix("ref: ")
        loose = git / ref
        if loose.is_file():
            return {"git_commit": loose.read_text(encoding="utf-8").strip(), "git_ref": ref}
        for line in (git / "packed-refs").read_text(encoding="utf-8").splitlines():
            commit, _, name = line.partition(" ")
            if name == ref:
                return {"git_commit": commit, "git_ref": ref}
    except OSError:
        pass
    return {"git_commit": "unknown"}


@asset(
    group_name="report",
    description="The yearly Dreigingsbeeld Ondermijning Nederland: Dutch and English editions "
    "as self-contained HTML and as PDF, the annex (every published indicator table as CSV, "
    "Parquet and XLSX) and manifest.json (input files, code version, run id, and the query "
    "behind every figure).",
    partitions_def=yearly_partitions,
    backfill_policy=SINGLE_RUN,
    deps=[
        *ten_years_of(
            "indicators/phenomenon_indicators",
            # tips and seizures of last year too (the change on last year)
            "indicators/signal_indicators",
            "staging/stg_seizures__seizures",
        ),
        *(
            AssetKey(["indicators", name])
            for name in (
                "harm_indicators",
                "harm_rankings",
                "phenomenon_trends",
                "published_counts",
                "threat_index",
                "sector_threat_index",
                "phenomenon_sector_indicators",
                "impact_indicators",
                "sector_indicators",
                "financial_indicators",
                "policy_effects",
            )
        ),
    ],
    kinds={"html", "pdf"},
    # Reading opens the DuckDB file too, which another process's writer would hold locked.
    pool="duckdb",
)
def dreigingsbeeld(
    context: AssetExecutionContext,
    warehouse: DuckDBResource,
    paths: ProjectPaths,
    renderer: ReportRenderer,
) -> MaterializeResult:
    years = partition_years(context)
    with renderer.pdfs() as pdfs:
        # Every year is read before anything is written.
        with warehouse.get_connection() as conn:
            inputs = {
                year: (load_report_data(conn, year), annex_tables(conn, year)) for year in years
            }
        written = _write_reports(inputs, paths, context.run.run_id, pdfs, renderer.edition_cache())
    year = years[-1]
    data, tables = inputs[year]
    out_dir = paths.report_dir(year)
    figures = sorted(data.key_figures.items())
    return MaterializeResult(
        metadata={
            "dagster/uri": MetadataValue.path(str(out_dir / f"dreigingsbeeld-{year}.nl.html")),
            # The report's table is its key figures: one row per figure printed.
            "dagster/row_count": len(figures),
            "dagster/column_schema": TableSchema(
                columns=[TableColumn("figure", "string"), TableColumn("value", "double")]
            ),
            "preview": MetadataValue.md(markdown_table(["figure", "value"], figures)),
            # Each file with its size; the UI renders the table.
            "files": MetadataValue.md(
                markdown_table(
                    ["file", "bytes"],
                    [
                        (str(path.relative_to(paths.report_dir(y).parent)), path.stat().st_size)
                        for y, paths_written in written.items()
                        for path in sorted(paths_written)
                    ],
                )
            ),
            # A link the UI opens (the Dutch edition in the browser on this machine).
            "open_report": MetadataValue.url(
                (out_dir / f"dreigingsbeeld-{year}.nl.html").resolve().as_uri()
            ),
            "annex_tables": len(tables),
            "manifest": MetadataValue.path(str(out_dir / "manifest.json")),
            "synthetic": data.is_synthetic,
        }
    )


def _write_reports(
    inputs: dict[int, tuple[ReportData, dict[str, pl.DataFrame]]],
    paths: ProjectPaths,
    run_id: str,
    renderer: PdfRenderer,
    cache: EditionCache | None,
) -> dict[int, list[Path]]:
    """Every year's editions (HTML and PDF in both languages), annex and manifest; per year the
    files written. Each edition's PDF is being rendered while the next edition is built and the
    HTML and annex files are written. A year's folder is replaced whole once all its files are
    there (``whole_folder``), so a reader never finds a mix of builds or half a file."""
    # Imported here: the templates and charts (Altair) take a third of a second to import, which
    # every process that loads the definitions would pay.
    from functools import partial

    from pipeline.domain.publishing.report_builder import year_editions
    from pipeline.domain.publishing.report_templates import LANGUAGES, Edition

    build = partial(year_editions, regional_dir=REGIONAL_DIR)
    # Each edition by its year and its file's path in the year's folder, without suffix; each
    # PDF is submitted as soon as its page is built (or read back, for unchanged data).
    editions: dict[tuple[int, str], Edition] = {}
    for year, (data, _) in inputs.items():
        made = cache.editions(data, build) if cache is not None else build(data)
        for name, edition in made:
            editions[year, name] = edition
            renderer.submit(edition.html)
    with ExitStack() as folders:
        out = {
            year: folders.enter_context(written_whole(paths.report_dir(year))) for year in inputs
        }
        for year in inputs:
            (out[year] / REGIONAL_DIR).mkdir()
        files: dict[int, list[Path]] = {year: [] for year in inputs}
        for (year, name), edition in editions.items():
            html_path = out[year] / f"{name}.html"
            html_path.write_text(edition.html, encoding="utf-8")
            files[year].append(html_path)
        for year, (data, tables) in inputs.items():
            files[year] += write_annex(tables, out[year] / "annex")
            files[year].append(write_datapackage(tables, out[year] / "annex", data))
        for (year, name), pdf in zip(editions, renderer.results(), strict=True):
            pdf_path = out[year] / f"{name}.pdf"
            pdf_path.write_bytes(pdf)
            files[year].append(pdf_path)
        for year, (data, _) in inputs.items():
            findings = {
                language: [
                    (f.text, f.datasets)
                    for f in editions[year, f"dreigingsbeeld-{year}.{language}"].findings
                ]
                for language in LANGUAGES
            }
            manifest = build_manifest(
                data,
                findings,
                run_id=run_id,
                code_version=code_version(),
                reference_files=sorted(
                    path
                    for pattern in ("*.csv", "*.topojson")
                    for path in (paths.data / "reference").glob(pattern)
                ),
                outputs=files[year],
                root=out[year],
            )
            files[year].append(write_manifest(manifest, out[year] / "manifest.json"))
    # Where the files are now that each year's folder is in place.
    return {
        year: [paths.report_dir(year) / path.relative_to(out[year]) for path in written]
        for year, written in files.items()
    }


report_assets = [dreigingsbeeld]
