"""The job an analyst launches from the Dagster UI to download the public CBS tables."""

from dagster import Config, ConfigurableResource, Failure, OpExecutionContext, job, op

from assets.cbs_fetch import CBS_API, FetchError, fetch_all
from pipeline.resources import ProjectPaths


class CbsApi(ConfigurableResource):
    """Where the CBS OData v4 API is (a test points it at a local server)."""

    base_url: str = CBS_API


class FetchConfig(Config):
    first_year: int
    last_year: int
    overwrite: bool = False  # replace files an analyst put in data/raw/ (never by default)


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


@job(description="Download the public CBS tables (incidents, population, establishments) into "
     "data/raw/; the new_source_files sensor then builds the years they hold.")  # fmt: skip
def fetch_cbs_tables_job():
    fetch_cbs_tables()
