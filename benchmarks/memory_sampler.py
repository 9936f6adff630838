"""The process's resident memory over time, sampled by a thread, so that a run's peak can be put
on the step during which it grew (ru_maxrss only gives the peak of the whole process)."""

from __future__ import annotations

import os
import threading
import time
from bisect import bisect_left, bisect_right
from pathlib import Path

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def _resident_pages(pid: str) -> int:
    """Resident pages of a process (Linux: the second field of /proc/<pid>/statm); 0 if gone."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1])
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return 0


def _children(pid: str) -> list[str]:
    found: list[str] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += (task / "children").read_text(encoding="ascii").split()
        except OSError:
            continue
    return found


def resident_mb(also: list[str] | None = None) -> float:
    """Resident memory now of this process, every process it started (the pipeline's PDF
    workers count as its own memory) and the processes ``also`` (the checks service, which
    lives in a session of its own)."""
    pids, pages = ["self", *(also or [])], 0
    while pids:
        pid = pids.pop()
        pages += _resident_pages(pid)
        pids += _children(pid)
    return pages * PAGE_BYTES / 2**20


class MemorySampler:
    """Samples resident memory every ``interval`` seconds between start() and stop()."""

    def __init__(self, interval: float = 0.1, also: list[int] | None = None) -> None:
        self.interval = interval
        self.also = [str(pid) for pid in also or []]
        self.times: list[float] = []  # epoch seconds, as Dagster's event timestamps
        self.values: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.times.append(time.time())
            self.values.append(resident_mb(self.also))
            self._stop.wait(self.interval)

    def start(self) -> MemorySampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def growth_between(self, start: float, end: float) -> tuple[float, float]:
        """Highest resident MB between ``start`` and ``end``, and how far above the memory at
        ``start`` that is (what the step itself added)."""
        first = max(0, bisect_left(self.times, start) - 1)
        last = bisect_right(self.times, end)
        window = self.values[first : last + 1] or [0.0]
        return max(window), max(window) - window[0]
