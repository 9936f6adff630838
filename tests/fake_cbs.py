"""A stand-in for the CBS OData v4 API on 127.0.0.1, serving pages in the v4 shape.

It answers ``/CBS/<table>/Properties``, ``MeasureCodes``, ``PeriodenCodes`` and ``Observations``
(filtered on ``Perioden ge/le`` and ``Measure eq``, paged with ``$skip`` and ``@odata.nextLink``).
The observations are made from the committed demo files, so what a test fetches can be built.
A page can be told to fail (HTTP 500) a number of times.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import polars as pl

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
MODIFIED = "2026-06-23T00:00:00+02:00"
# The test server's measure codes: 83648NED's and 03759NED's as seen in real use; 81575NED's
# real code was not found, so this one is the server's own.
MEASURES = {
    "83648NED": [("M004200_2", "Totaal geregistreerde misdrijven (absoluut)"),
                 ("M004200_4", "Geregistreerde misdrijven per 1000 inw.")],
    "03759NED": [("M000352", "Bevolking op 1 januari"), ("M000365", "Gemiddelde bevolking ")],
    "81575NED": [("M999001", "Vestigingen")],
}  # fmt: skip


def _v3_observations(path: Path, measure: str, column: str, dimensions: list[str]) -> list[dict]:
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    rows = []
    for row in frame.iter_rows(named=True):
        value = row[column].strip()
        rows.append(
            {
                "Measure": measure,
                "ValueAttribute": "None" if value else "Missing",
                "Value": int(value) if value else None,
                "StringValue": None,
                **{d: row[d].strip() for d in dimensions},
            }
        )
    return rows


@functools.cache
def demo_observations(years: tuple[int, ...] = (2023, 2024)) -> dict[str, list[dict]]:
    """The three tables' observations of ``years``, made once per process (the servers only
    read them)."""
    incidents, establishments = [], []
    for year in years:
        incidents += _v3_observations(
            DEMO / "incidents" / f"83648NED_{year}.csv",
            "M004200_2",
            "TotaalGeregistreerdeMisdrijven_1",
            ["SoortMisdrijf", "RegioS", "Perioden"],
        )
        establishments += _v3_observations(
            DEMO / "establishments" / f"81575NED_{year}.csv",
            "M999001",
            "Vestigingen_1",
            ["BedrijfstakkenBranchesSBI2008", "RegioS", "Perioden"],
        )
    pages = json.loads((DEMO / "population" / "03759NED.json").read_text(encoding="utf-8"))
    population = [o for page in pages for o in page["value"]]
    out = {"83648NED": incidents, "03759NED": population, "81575NED": establishments}
    for observations in out.values():
        for number, observation in enumerate(observations):
            observation["Id"] = number
    return out


def _conditions(query: str) -> list[tuple[str, str, str]]:
    """The ``field eq|ge|le 'value'`` parts of a filter; the RegioS prefixes are not applied."""
    return [c for c in re.findall(r"(\w+) (eq|ge|le) '([^']*)'", query) if c[0] != "RegioS"]


def _matches(observation: dict, conditions: list[tuple[str, str, str]]) -> bool:
    for field_name, op, value in conditions:
        have = str(observation.get(field_name))
        if (
            (op == "eq" and have != value)
            or (op == "ge" and have < value)
            or (op == "le" and have > value)
        ):
            return False
    return True


@dataclass
class FakeCbs:
    page_size: int = 5_000
    failures: dict[tuple[str, int], int] = field(default_factory=dict)  # (table, skip) -> times
    observations: dict[str, list[dict]] = field(default_factory=demo_observations)
    requests: list[str] = field(default_factory=list)
    base_url: str = ""
    _selected: dict[tuple[str, str], list[dict]] = field(default_factory=dict, repr=False)

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict]:
        match = re.match(r"^/CBS/(\w+)/(\w+)$", path)
        if match is None or match[1] not in self.observations:
            return 404, {"error": "no such resource"}
        table, resource = match[1], match[2]
        context = f"{self.base_url}/{table}/$metadata#{resource}"
        if resource == "Properties":
            return 200, {"@odata.context": context, "Identifier": table, "Modified": MODIFIED,
                         "Title": f"test table {table}"}  # fmt: skip
        if resource == "MeasureCodes":
            codes = [{"Identifier": i, "Title": t, "Unit": "aantal"} for i, t in MEASURES[table]]
            return 200, {"@odata.context": context, "value": codes}
        if resource == "PeriodenCodes":
            years = sorted({o["Perioden"] for o in self.observations[table]})
            codes = [{"Identifier": y, "Title": y[:4], "Status": "Definitief"} for y in years]
            return 200, {"@odata.context": context, "value": codes}
        if resource != "Observations":
            return 404, {"error": "no such resource"}
        skip = int(query.get("$skip", ["0"])[0])
        left = self.failures.get((table, skip), 0)
        if left:
            self.failures[(table, skip)] = left - 1
            return 500, {"error": "the page failed"}
        wanted = query.get("$filter", [""])[0]
        key = (table, wanted)
        if key not in self._selected:  # a query's pages are cut from one selection
            conditions = _conditions(wanted)
            self._selected[key] = [o for o in self.observations[table] if _matches(o, conditions)]
        selected = self._selected[key]
        page = {"@odata.context": context, "value": selected[skip : skip + self.page_size]}
        if skip + self.page_size < len(selected):
            following = urlencode({"$filter": wanted, "$skip": skip + self.page_size})
            page["@odata.nextLink"] = f"{self.base_url}/{table}/Observations?{following}"
        return 200, page


@contextmanager
def serving(fake: FakeCbs) -> Iterator[FakeCbs]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            fake.requests.append(self.path)
            status, document = fake.answer(url.path, parse_qs(url.query))
            body = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/CBS"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
