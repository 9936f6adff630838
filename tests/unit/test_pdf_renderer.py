"""The report's PDF renderer: pages go to worker processes as they are submitted and come back
in order, identical to rendering them here; a page that fails says why."""

from __future__ import annotations

import os
import threading
import time

import pytest

from pipeline.domain.publishing.pdf import ExternalResourceError, html_to_pdf, pdf_renderer


def page(title: str) -> str:
    return (
        f'<!doctype html><html lang="nl"><head><title>{title}</title></head>'
        f"<body><h1>{title}</h1><p>{'Ondermijning. ' * 200}</p></body></html>"
    )


def test_pages_come_back_in_the_order_submitted_as_rendered_here():
    pages = [page(f"Editie {n}") for n in range(5)]
    with pdf_renderer(processes=2) as renderer:
        for html in pages[:3]:
            renderer.submit(html)
        first = renderer.results()
        for html in pages[3:]:
            renderer.submit(html)
        second = renderer.results()
    assert first + second == [html_to_pdf(html) for html in pages]


def noise_png(side: int) -> str:
    """A PNG of random pixels as a data: URL: it does not compress, so its PDF is large."""
    import base64
    import io
    import random

    from PIL import Image

    pixels = random.Random(7).randbytes(side * side * 3)  # noqa: S311  (noise, not a secret)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), pixels).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_many_large_pages_sent_before_any_result_is_read_do_not_stall_the_pipes():
    # Pages and PDFs both larger than a pipe's buffer: a worker that stopped reading while it
    # writes would leave it and the sender waiting for each other for ever.
    image = noise_png(300)
    big = page("Groot").replace("</body>", f'<img src="{image}" alt="ruis"></body>')
    pdfs: list[bytes] = []

    def render() -> None:
        with pdf_renderer(processes=1) as renderer:
            for _ in range(4):
                renderer.submit(big)
            pdfs.extend(renderer.results())

    rendering = threading.Thread(target=render, daemon=True)
    rendering.start()
    rendering.join(timeout=60)
    assert not rendering.is_alive(), "the renderer and its worker wait for each other"
    assert len(pdfs) == 4 and all(len(pdf) > 200_000 for pdf in pdfs)


def test_a_page_that_fetches_a_resource_fails_with_the_renderers_own_error():
    remote = page("Op afstand").replace("<h1>", '<img src="https://example.org/x.png"><h1>')
    with pytest.raises(ExternalResourceError, match=r"example\.org"), pdf_renderer(2) as renderer:
        renderer.submit(page("Goed"))
        renderer.submit(remote)
        renderer.results()


def test_leaving_with_pages_unread_stops_the_workers_instead_of_waiting_for_them():
    with pdf_renderer(processes=1) as renderer:
        renderer.submit(page("Niet gelezen"))
        workers = list(renderer._pool.workers)
    assert all(worker.process.poll() is not None for worker in workers)


def test_each_worker_renders_all_its_pages_before_the_results_are_asked_for():
    # PDFs larger than a pipe holds: unread, a worker would wait after its first one, and the
    # workers would take turns instead of rendering while the caller builds the next pages.
    big = page("Groot").replace("</body>", f'<img src="{noise_png(300)}" alt="ruis"></body>')
    with pdf_renderer(processes=2) as renderer:
        for _ in range(4):
            renderer.submit(big)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(
            worker.results.qsize() < 2 for worker in renderer._pool.workers
        ):
            time.sleep(0.05)
        assert [worker.results.qsize() for worker in renderer._pool.workers] == [2, 2]
        assert len(renderer.results()) == 4


def test_each_pdf_is_kept_as_soon_as_it_is_rendered_and_a_run_that_never_reads_keeps_them(
    tmp_path,
):
    cache_dir = tmp_path / "cache"
    titles = ("Een", "Twee", "Drie")
    with pdf_renderer(processes=2, cache_dir=cache_dir) as renderer:
        for title in titles:
            renderer.submit(page(title))
        deadline = time.monotonic() + 60
        while len(list(cache_dir.glob("*.pdf"))) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        # Left without reading the results, as a run killed in its report step.
    assert sorted(p.read_bytes() for p in cache_dir.glob("*.pdf")) == sorted(
        html_to_pdf(page(title)) for title in titles
    )
    with pdf_renderer(processes=1, cache_dir=cache_dir) as renderer:
        for title in titles:
            renderer.submit(page(title))
        assert renderer.pending == 0  # all three from the cache
        assert renderer._pool.workers == []  # and no worker was started for nothing


def test_a_page_rendered_before_comes_from_the_cache_and_a_changed_one_is_rendered(tmp_path):
    cache_dir = tmp_path / "cache"
    with pdf_renderer(processes=1, cache_dir=cache_dir) as renderer:
        renderer.submit(page("Eerste"))
        (first,) = renderer.results()
    assert first == html_to_pdf(page("Eerste"))
    (kept,) = cache_dir.glob("*.pdf")
    assert kept.read_bytes() == first
    # What is in the cache is what is given: mark it, to see that no worker rendered it.
    kept.write_bytes(b"%PDF from the cache")
    with pdf_renderer(processes=1, cache_dir=cache_dir) as renderer:
        renderer.submit(page("Eerste"))
        renderer.submit(page("Tweede"))
        cached, rendered = renderer.results()
    assert cached == b"%PDF from the cache"
    assert rendered == html_to_pdf(page("Tweede"))
    assert len(list(cache_dir.glob("*.pdf"))) == 2
    assert not list(cache_dir.glob("*.part"))


def test_the_cache_key_changes_with_the_print_stylesheet(tmp_path):
    from pipeline.domain.publishing.pdf_cache import PdfCache

    css = tmp_path / "print.css"
    css.write_text("@page { size: A4 }")
    before = PdfCache(tmp_path, css).key(page("Een"))
    assert PdfCache(tmp_path, css).key(page("Een")) == before
    assert PdfCache(tmp_path, css).key(page("Twee")) != before
    css.write_text("@page { size: A5 }")
    assert PdfCache(tmp_path, css).key(page("Een")) != before


def test_the_cache_keeps_only_the_newest_entries(tmp_path, monkeypatch):
    from pipeline.domain.publishing import pdf_cache

    monkeypatch.setattr(pdf_cache, "KEPT", 3)
    css = tmp_path / "print.css"
    css.write_text("")
    cache = pdf_cache.PdfCache(tmp_path / "c", css)
    for n in range(5):
        cache.put(f"k{n}", b"%PDF")
        os.utime(tmp_path / "c" / f"k{n}.pdf", ns=(n * 10**9, n * 10**9))
    assert sorted(p.stem for p in (tmp_path / "c").glob("*.pdf")) == ["k2", "k3", "k4"]
