"""Download the public CBS tables from the OData v4 API into data/raw/. No Dagster here.

For each table: its Properties (the ``Modified`` date), MeasureCodes and PeriodenCodes, and the
Observations of the years asked for, page after page along ``@odata.nextLink``. What CBS returns
is written as it came: the observation pages as one JSON array (``<table>_<first>-<last>.json``,
or ``<table>_<year>.json`` for one year),
the code lists beside it, and a record of the download (``<table>_<first>-<last>.download.json``:
every URL, the table's Modified date, the download time and each file's SHA-256). Files are
written only when every page has arrived, and an analyst's file is never overwritten unless asked.

The API is https://datasets.cbs.nl/odata/v1/CBS; httpx follows the paging (the small PyPI
client cbsodata4 returns frames, not the pages CBS sent, so the files could not be kept as
delivered).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.domain.files.cbs_tables import CbsTable

if TYPE_CHECKING:
    import httpx  # imported when a client is made: only fetching needs it

    from pipeline.domain.files.sources import Source

CBS_API = "https://datasets.cbs.nl/odata/v1/CBS"
ATTEMPTS = 3
TIMEOUT_SECONDS = 60.0
# Which cells to fetch: the totals of 03759NED's other dimensions (as CBS's own slice of it),
# and for tables with several measures only the one the pipeline uses (a full 83648NED extract
# for seven years holds over a million cells).
REGION_FILTER = "(startswith(RegioS,'NL') or startswith(RegioS,'LD') or startswith(RegioS,'PV') "
REGION_FILTER += "or startswith(RegioS,'RE') or startswith(RegioS,'GM'))"
# A JSON object as the API returns it (a page, a table's properties).
JsonObject = dict[str, object]


class FetchError(RuntimeError):
    """A table's download could not be completed; nothing of that table was written."""


@dataclass(frozen=True)
class FetchTarget:
    table: CbsTable
    folder: str  # data/raw/<folder>/


@dataclass(frozen=True)
class Downloaded:
    table_id: str
    files: list[Path]
    observations: int
    modified: str | None


def observation_filter(table: CbsTable, first: int, last: int, measure: str | None) -> str:
    parts = [f"Perioden ge '{first}JJ00'", f"Perioden le '{last}JJ00'", REGION_FILTER]
    parts += [f"{dimension} eq '{code}'" for dimension, code in table.assumable_totals]
    if measure is not None and len(table.measures) > 2:
        parts.append(f"Measure eq '{measure}'")
    return " and ".join(parts)


class CbsClient:
    def __init__(
        self,
        base_url: str,
        progress: Callable[[str], None],
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        import httpx

        self.base_url = base_url.rstrip("/")
        self.progress = progress
        self.http = httpx.Client(timeout=TIMEOUT_SECONDS, transport=transport)

    def close(self) -> None:
        self.http.close()

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> tuple[str, JsonObject]:
        """The document at ``url`` and the URL it came from, retried on a server error."""
        import httpx

        request = self.http.build_request("GET", url, params=params)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                response = self.http.send(request)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                raise FetchError(
                    f"cannot reach {request.url.host}: this machine seems to be offline, or the "
                    f"CBS API is down ({error})."
                ) from error
            except httpx.TransportError as error:
                if attempt == ATTEMPTS:
                    raise FetchError(f"{request.url}: {error}") from error
            else:
                if response.status_code < 500 or attempt == ATTEMPTS:
                    break
            time.sleep(0.2 * attempt)
        if response.status_code != 200:
            raise FetchError(
                f"{request.url} answered {response.status_code} {response.reason_phrase} "
                f"(after {attempt} attempt(s))"
            )
        try:
            document = response.json()
        except json.JSONDecodeError as error:
            raise FetchError(f"{request.url} did not answer JSON ({error})") from error
        if not isinstance(document, dict):
            raise FetchError(f"{request.url} did not answer a JSON object")
        return str(request.url), document

    def pages(
        self, url: str, params: Mapping[str, str] | None, what: str
    ) -> tuple[list[str], list[JsonObject]]:
        """Every page of a collection, following ``@odata.nextLink``."""
        urls: list[str] = []
        pages: list[JsonObject] = []
        next_url: str | None = url
        next_params = params
        while next_url:
            got_url, page = self.get_json(next_url, next_params)
            urls.append(got_url)
            pages.append(page)
            self.progress(f"{what}: page {len(pages)}, {_rows(pages):,} rows so far")
            link = page.get("@odata.nextLink")
            next_url, next_params = (link if isinstance(link, str) else None), None
        return urls, pages


def _entries(page: Mapping[str, object]) -> list[Mapping[str, object]]:
    """The entries (``value``) of a page."""
    value = page.get("value", [])
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _rows(pages: Iterable[Mapping[str, object]]) -> int:
    return sum(len(_entries(page)) for page in pages)


def _measure_code(table: CbsTable, measure_pages: list[JsonObject]) -> str | None:
    for page in measure_pages:
        for entry in _entries(page):
            measure = table.measure_for_title(str(entry.get("Title", "")))
            if measure is not None and measure.key == table.used_measure:
                return str(entry["Identifier"])
    return None


def _bytes(document: object) -> bytes:
    """The document as compact JSON, as the API sends it: indented, Python's encoder writes it
    value by value, seconds for a table of ten years."""
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _record_sha(record_path: Path) -> dict[str, str]:
    if not record_path.is_file():
        return {}
    record = json.loads(record_path.read_text(encoding="utf-8"))
    return {f["file"]: f["sha256"] for f in record.get("files", [])}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_table(
    client: CbsClient, target: FetchTarget, first: int, last: int, raw_dir: Path, overwrite: bool
) -> Downloaded:
    table = target.table
    base = f"{client.base_url}/{table.table_id}"
    folder = raw_dir / target.folder
    stem = f"{table.table_id}_{first}" if first == last else f"{table.table_id}_{first}-{last}"
    record_path = folder / f"{stem}.download.json"
    names = [f"{stem}.json", f"{table.table_id}_MeasureCodes.json",
             f"{table.table_id}_PeriodenCodes.json"]  # fmt: skip
    if not overwrite:
        _refuse_files_not_ours(folder, names, record_path)
    properties_url, properties = client.get_json(f"{base}/Properties")
    measure_urls, measure_pages = client.pages(f"{base}/MeasureCodes", None, "MeasureCodes")
    period_urls, period_pages = client.pages(f"{base}/PeriodenCodes", None, "PeriodenCodes")
    measure = _measure_code(table, measure_pages)
    if measure is None:
        raise FetchError(f"{table.table_id}: no measure in MeasureCodes is {table.used_measure}")
    query = {"$filter": observation_filter(table, first, last, measure)}
    urls, pages = client.pages(f"{base}/Observations", query, f"{table.table_id} observations")
    documents = {
        names[0]: pages,
        names[1]: measure_pages[0] if len(measure_pages) == 1 else measure_pages,
        names[2]: period_pages[0] if len(period_pages) == 1 else period_pages,
    }
    contents = {name: _bytes(document) for name, document in documents.items()}
    modified = properties.get("Modified")
    record = {
        "table": table.table_id,
        "title": properties.get("Title", table.title),
        "modified": modified,
        "downloaded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "urls": [properties_url, *measure_urls, *period_urls, *urls],
        "files": [
            {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in contents.items()
        ],
    }
    contents[record_path.name] = _bytes(record)
    _write_all(folder, contents)
    return Downloaded(
        table.table_id,
        [folder / n for n in contents],
        _rows(pages),
        None if modified is None else str(modified),
    )


def _refuse_files_not_ours(folder: Path, names: list[str], record_path: Path) -> None:
    """An analyst's file (one the last download's record does not list as it is) stays."""
    ours = _record_sha(record_path)
    for name in names:
        path = folder / name
        if path.exists() and ours.get(name) != _sha(path):
            raise FetchError(
                f"{path} exists and was not written by an earlier download (or was changed since): "
                "not overwritten. Move it away, or fetch again with overwrite to replace it."
            )


def _write_all(folder: Path, contents: Mapping[str, bytes]) -> None:
    """Every file is written beside its place first and moved in at the end: a failed download
    leaves nothing half-written."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = {name: folder / f".{name}.part" for name in contents}
    for name, data in contents.items():
        temporary[name].write_bytes(data)
    for name, path in temporary.items():
        path.replace(folder / name)


def targets(sources: Iterable[Source]) -> list[FetchTarget]:
    """The CBS tables among ``sources`` with the folder each goes to."""
    return [
        FetchTarget(source.cbs_table, source.directory)
        for source in sources
        if source.cbs_table is not None
    ]


def fetch_all(
    base_url: str,
    raw_dir: Path,
    first: int,
    last: int,
    overwrite: bool,
    progress: Callable[[str], None],
    transport: httpx.BaseTransport | None = None,
) -> list[Downloaded]:
    """Fetch every CBS table the pipeline reads (83648NED, 03759NED, 81575NED) for the years
    ``first``-``last`` into ``raw_dir``."""
    from pipeline.domain.files.sources import SOURCES

    if first > last:
        raise FetchError(f"years {first}-{last}: the first year comes after the last")
    client = CbsClient(base_url, progress, transport)
    try:
        done: list[Downloaded] = []
        for target in targets(SOURCES.values()):
            progress(f"{target.table.table_id} ({target.table.title}), {first}-{last}")
            try:
                downloaded = fetch_table(client, target, first, last, raw_dir, overwrite)
            except FetchError as error:
                # Tables fetched before this one stay written: each is whole on its own.
                written = [d.table_id for d in done]
                kept = f"; {', '.join(written)} fetched and written" if written else ""
                raise FetchError(
                    f"{error}. Nothing of {target.table.table_id} was written{kept}."
                ) from error
            progress(
                f"{target.table.table_id}: {downloaded.observations:,} observations, table "
                f"modified {downloaded.modified}; wrote "
                + ", ".join(str(p.relative_to(raw_dir.parent)) for p in downloaded.files)
            )
            done.append(downloaded)
        return done
    finally:
        client.close()
