"""Report assets: the yearly threat picture written to reports/<year>/."""

import polars as pl
from dagster import (
    AssetDep,
    AssetExecutionContext,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    asset,
)
from dagster_duckdb import DuckDBResource

from assets.formatting import markdown_table
from assets.report_builder import ReportData, build_report_html
from pipeline.partitions import TEN_YEARS, yearly_partitions
from pipeline.resources import ProjectPaths
from pipeline.sql import query, query_frame

# The trend chart reads the nine years before the report year as well.


def _harm_weight_set(conn, year: int) -> str:
    """The weight set the indicators were computed with: the data says, not the run's tags."""
    sets = [row[0] for row in query(conn, "report/harm_weight_set", {"year": year})[1]]
    if len(sets) != 1:
        raise MixedWeightSets(
            f"the indicators of {year - 9}-{year} use harm weight sets {sets}: rebuild them "
            "with one set before writing the report"
        )
    return sets[0]


def _frame(conn, name: str, year: int) -> pl.DataFrame:
    return query_frame(conn, f"report/{name}", {"year": year})


class MixedWeightSets(ValueError):
    """The years behind one report were computed with different harm weight sets."""


def load_report_data(conn, year: int) -> ReportData:
    key_columns, key_rows = query(conn, "report/key_figures", {"year": year})
    return ReportData(
        year=year,
        key_figures=dict(zip(key_columns, key_rows[0], strict=True)),
        trend=_frame(conn, "phenomenon_trend", year),
        regions=_frame(conn, "riec_regions", year),
        phenomena=_frame(conn, "phenomena", year),
        data_quality=_frame(conn, "data_quality", year),
        input_files=_frame(conn, "input_files", year),
        harm_weight_set=_harm_weight_set(conn, year),
        provisional_years=tuple(
            row[0] for row in query(conn, "report/provisional_years", {"year": year})[1]
        ),
    )


@asset(
    key_prefix="report",
    group_name="report",
    description="The yearly Dreigingsbeeld Ondermijning Nederland as a self-contained HTML page "
    "(Dutch): key findings, key figures, ten-year trend, RIEC regions, phenomena, data quality.",
    partitions_def=yearly_partitions,
    deps=[
        AssetDep(["indicators", "phenomenon_indicators"], partition_mapping=TEN_YEARS),
        AssetDep(["indicators", "financial_indicators"]),
    ],
    kinds={"html"},
    # Reading opens the DuckDB file too, which another process's writer would hold locked.
    pool="duckdb",
)
def dreigingsbeeld(
    context: AssetExecutionContext, warehouse: DuckDBResource, paths: ProjectPaths
) -> MaterializeResult:
    year = int(context.partition_key)
    with warehouse.get_connection() as conn:
        data = load_report_data(conn, year)
    html = build_report_html(data, "nl")
    out_dir = paths.report_dir(year)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"dreigingsbeeld-{year}.nl.html"
    path.write_text(html, encoding="utf-8")
    figures = sorted(data.key_figures.items())
    return MaterializeResult(
        metadata={
            "dagster/uri": MetadataValue.path(str(path)),
            # The report's table is its key figures: one row per figure printed.
            "dagster/row_count": len(figures),
            "dagster/column_schema": TableSchema(
                columns=[TableColumn("figure", "string"), TableColumn("value", "double")]
            ),
            "preview": MetadataValue.md(markdown_table(["figure", "value"], figures)),
            "size_bytes": len(html.encode("utf-8")),
            "synthetic": data.is_synthetic,
        }
    )


report_assets = [dreigingsbeeld]
