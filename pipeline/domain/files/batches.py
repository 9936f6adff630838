"""Years gathered into batches of bounded size: a validation costs much per call and little per
row, but a batch's rows are all in memory at once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Batches(Generic[T]):
    """Items (a year with its rows) gathered in order into batches of at most ``limit`` rows; an
    item larger than the limit is a batch of its own, never split."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._held: list[T] = []
        self._rows = 0

    def add(self, item: T, rows: int) -> list[T]:
        """Hold ``item``; return the batch it closed because it did not fit (else an empty
        list)."""
        closed: list[T] = []
        if self._held and self._rows + rows > self.limit:
            closed = self.rest()
        self._held.append(item)
        self._rows += rows
        return closed

    @property
    def full(self) -> bool:
        """Whether the batch held has reached the limit (no item could join it)."""
        return self._rows >= self.limit

    def rest(self) -> list[T]:
        """The batch held so far (maybe empty), which is then let go."""
        closed, self._held, self._rows = self._held, [], 0
        return closed


def batched(sizes: Iterable[tuple[T, int]], limit: int) -> list[list[T]]:
    """Every batch of ``sizes`` (item, rows), in order."""
    batches = Batches[T](limit)
    every = [batch for item, rows in sizes if (batch := batches.add(item, rows))]
    last = batches.rest()
    return [*every, last] if last else every
