"""The order ``make test`` hands the test files out in (tests/session_plan.py): first the files
none of whose tests read the demo build, then each of the longest files with another file that
reads it, then the rest; every test kept, each file's tests together and in their order."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from pipeline.plumbing.allowed_folders import PROJECT_ROOT
from tests.session_plan import LONGEST_FIRST, pytest_collection_modifyitems


@dataclass
class FakeItem:
    """What the ordering reads of a collected test: its file, its fixtures, its markers."""

    file: str
    name: str
    fixturenames: tuple[str, ...] = ()
    markers: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return str(PROJECT_ROOT / "tests" / self.file)

    def add_marker(self, marker: pytest.MarkDecorator) -> None:
        self.markers.append(marker.name)


def collected() -> list[FakeItem]:
    demo = ("demo_build",)
    items = [
        FakeItem("e2e/test_report_outputs.py", "a", demo),
        FakeItem("unit/test_numbers.py", "a"),
        FakeItem("browser/test_report_in_browser.py", "sample"),  # reads no build ...
        FakeItem("browser/test_report_in_browser.py", "edition", demo),  # ... but this one does
        *(FakeItem(name, "only", demo) for name in reversed(LONGEST_FIRST)),
        FakeItem("assets/test_bad_files.py", "a"),
        FakeItem("assets/test_raw_checks.py", "a", demo),
        FakeItem("assets/test_raw_checks.py", "b", demo),
        FakeItem("sql/test_raw.py", "a"),
    ]
    return items


def test_files_that_read_no_demo_build_come_first_and_each_long_file_has_a_companion() -> None:
    items = collected()
    before = list(items)
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    assert sorted(map(id, items)) == sorted(map(id, before))  # every test, once
    files = [item.file for item in items]
    order = list(dict.fromkeys(files))
    assert files == [name for name in order for _ in range(files.count(name))]  # files whole
    assert order[:3] == ["unit/test_numbers.py", "assets/test_bad_files.py", "sql/test_raw.py"]
    # A file with one test reading the build waits for it: it is not among the first.
    assert order.index("browser/test_report_in_browser.py") > 2
    longest = [order.index(name) for name in LONGEST_FIRST]
    assert longest == sorted(longest)
    for position in longest[:3]:  # three other files read the build: one after each
        assert order[position + 1] not in LONGEST_FIRST
    in_file = [item.name for item in items if item.file == "assets/test_raw_checks.py"]
    assert in_file == ["a", "b"]
    assert {marker for item in items for marker in item.markers} == {
        "unit",
        "sql",
        "assets",
        "e2e",
        "browser",
    }
