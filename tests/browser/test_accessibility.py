"""Each edition of the report checked with axe-core against WCAG 2.1 levels A and AA.

axe-core comes from the npm registry: ``make test`` fetches the version that the Makefile pins
into .tools/axe-core/<version>/axe.min.js. Without it these tests fail (they never skip), so that
a missing download cannot pass for an accessible report.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import REPORT_YEAR, axe_core_version

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
TARGETS_SHOWN = 5

# Every rule runs and every violating element is listed; of the passes, axe lists one element
# per rule (resultTypes), not the thousands of a national edition's charts: 5.4 -> 2.1 s a page.
RUN_AXE = """tags => axe.run(
    document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}
)"""


def describe(violations: list[dict]) -> str:
    """One paragraph per violation: rule, impact, what it asks and the first elements found."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        targets = [" ".join(map(str, node["target"])) for node in nodes[:TARGETS_SHOWN]]
        more = f" (+{len(nodes) - TARGETS_SHOWN} more)" if len(nodes) > TARGETS_SHOWN else ""
        lines.append(
            f"- {violation['id']} [{violation['impact']}] {violation['help']}: "
            f"{len(nodes)} element(s){more}\n    " + "\n    ".join(targets)
        )
    return "\n".join(lines)


def test_edition_has_no_serious_accessibility_violations(
    lang, edition_file, open_page, axe_core_script
):
    if not axe_core_script.exists():
        pytest.fail(
            f"axe-core {axe_core_version()} is missing ({axe_core_script}): run `make test`, "
            "which fetches it with the project's npm before running the tests",
            pytrace=False,
        )
    opened = open_page(edition_file)
    opened.page.add_script_tag(path=str(axe_core_script))
    results = opened.page.evaluate(RUN_AXE, WCAG_TAGS)

    assert results["passes"], "axe checked nothing: is the page empty?"
    violations = results["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    others = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
    if others:
        # Shown with -rA or on failure; they do not fail the test.
        print(f"axe-core {axe_core_version()}, {lang} edition, minor and moderate:")
        print(describe(others))
    assert [v["id"] for v in blocking] == [], (
        f"axe-core {axe_core_version()} finds {len(blocking)} serious or critical WCAG 2.1 A/AA "
        f"violation(s) in the {lang} edition ({edition_file.name}):\n{describe(blocking)}"
    )


@pytest.mark.parametrize("edition", ["RIEC05.nl", "RIEC10.en"])
def test_regional_edition_has_no_serious_accessibility_violations(
    edition, demo_build, open_page, axe_core_script
):
    path = demo_build.reports / str(REPORT_YEAR) / "riec" / f"{edition}.html"
    opened = open_page(path)
    opened.page.add_script_tag(path=str(axe_core_script))
    results = opened.page.evaluate(RUN_AXE, WCAG_TAGS)
    assert results["passes"], "axe checked nothing: is the page empty?"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], describe(blocking)
