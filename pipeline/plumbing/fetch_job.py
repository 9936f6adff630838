"""The job an analyst launches from the Dagster UI to download the public CBS tables."""

from dagster import (
    Config,
    ConfigurableResource,
    Failure,
    OpExecutionContext,
    in_process_executor,
    job,
    op,
)
from pydantic import Field

from pipeline.domain.files.cbs_fetch import CBS_API, FetchError, fetch_all
from pipeline.plumbing.resources import ProjectPaths


class CbsApi(ConfigurableResource):
    """Where the CBS OData v4 API is (a test points it at a local server)."""

    base_url: str = CBS_API


class FetchConfig(Config):
    first_year: int = Field(description="The first year to download, e.g. 2019.")
    last_year: int = Field(description="The last year to download, e.g. 2025 (may equal first).")
    overwrite: bool = Field(
        default=False,
        description="Replace files in data/raw/ that an earlier download did not write "
        "(an analyst's own files); never by default.",
    )


@op(description="Downloads 83648NED, 03759NED and 81575NED for the years asked for into "
    "data/raw/, as the CBS OData v4 API returns them, with a record of each download.")  # fmt: skip
def fetch_cbs_tables(
    context: OpExecutionContext, config: FetchConfig, paths: ProjectPaths, cbs_api: CbsApi
) -> None:
    try:
        fetch_all(
            cbs_api.base_url,
            paths.data / "raw",
            config.first_year,
            config.last_year,
            config.overwrite,
            context.log.info,
        )
    except FetchError as error:
        raise Failure(str(error)) from error


# One step: run it in the run's own process (a step process would add seconds for nothing).
@job(
    executor_def=in_process_executor,
    description="Download the public CBS tables (incidents, population, establishments) into "
    "data/raw/; the new_source_files sensor then builds the years they hold.",
)
def fetch_cbs_tables_job():
    fetch_cbs_tables()
