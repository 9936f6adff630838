"""Take docs/asset-graph.png: the Dagster UI's asset graph, grouped by subject, in headless
Chromium (Debian's, through Playwright). Starts `dagster dev` on a free loopback port with the
project's DAGSTER_HOME and stops it afterwards.

    .venv/bin/python docs/asset_graph_screenshot.py
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(PROJECT_ROOT / ".venv/bin/dagster"), "dev", "-w", "workspace.yaml",
         "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DAGSTER_HOME": str(PROJECT_ROOT / "dagster_home")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/server_info", timeout=2)  # noqa: S310 (loopback)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{base}/asset-groups", wait_until="networkidle")
            page.wait_for_timeout(4000)
            skip = page.get_by_role("button", name="Skip")  # Dagster's newsletter dialog
            if skip.count():
                skip.click()
            page.wait_for_timeout(2000)
            page.screenshot(path=PROJECT_ROOT / "docs" / "asset-graph.png")
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


if __name__ == "__main__":
    main()
