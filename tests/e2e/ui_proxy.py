"""nginx in front of a test's ``dagster dev``, configured with the project's own files in
``deploy/nginx/`` (the site's address and Dagster's port set to the test's)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path

from benchmarks.dagster_ui import free_port, get
from tests.conftest import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy" / "nginx"
SITE_IN_FILE = "https://dreigingsbeeld.example.nl"
DAGSTER_IN_FILE = "127.0.0.1:3000"
STARTUP_TIMEOUT_S = 10


def nginx() -> str | None:
    return shutil.which("nginx") or next(
        (str(p) for p in (Path("/usr/sbin/nginx"),) if p.is_file()), None
    )


@contextlib.contextmanager
def running_proxy(nginx_path: str, dagster_url: str, folder: Path) -> Iterator[str]:
    """The proxy's base URL (also the site's own address, as its pages' Origin says)."""
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    http_conf = (DEPLOY / "dreigingsbeeld-http.conf").read_text(encoding="utf-8")
    for old, new in ((SITE_IN_FILE, site), (DAGSTER_IN_FILE, dagster_url.split("//", 1)[1])):
        assert old in http_conf, old
        http_conf = http_conf.replace(old, new)
    (folder / "dreigingsbeeld-http.conf").write_text(http_conf, encoding="utf-8")
    temp = folder / "temp"
    temp.mkdir()
    (folder / "nginx.conf").write_text(
        f"""
pid {folder}/nginx.pid;
error_log {folder}/error.log;
daemon off;
events {{}}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/dreigingsbeeld-http.conf;
    server {{
        listen 127.0.0.1:{port};
        include {DEPLOY}/dreigingsbeeld-locations.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [nginx_path, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", "stderr"],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "stderr.log").open("wb"),
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    "nginx exited: " + (folder / "stderr.log").read_text(errors="replace")
                )
            with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
                if get(f"{site}/server_info", timeout=2)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not answer in time")
            time.sleep(0.2)
        yield site
    finally:
        process.terminate()
        process.wait(timeout=10)
