"""The bad-files tests' fixtures in rounds: the fixtures of one kind and year, at most one per
source, are dropped in together and checked by one run. A run costs about a third of a second
beyond its steps (planning, resources, events); 56 fixtures in 18 rounds save 38 of them. The
sources' assets do not depend on each other, so one fixture's failure cannot hold up another's
steps (``test_a_rounds_sources_do_not_depend_on_each_other``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from tests.assets.bad_files_bench import FIXTURE_INFO


def rounds(names: Iterable[str]) -> list[tuple[str, ...]]:
    """``names`` in rounds: each round of one year, with at most one fixture per source (the
    i-th fixture of each source of a year is in that year's i-th round)."""
    per_source: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name in names:
        info = FIXTURE_INFO[name]
        per_source[info.year][info.source].append(name)
    found = []
    for year in sorted(per_source):
        fixtures = per_source[year]
        for index in range(max(map(len, fixtures.values()))):
            found.append(tuple(names[index] for names in fixtures.values() if index < len(names)))
    return found


def in_round_order(names: Iterable[str]) -> list[str]:
    """``names`` ordered round by round, so that the tests of a round follow each other and
    read the warehouse as their round's run left it."""
    return [name for round_ in rounds(names) for name in round_]
