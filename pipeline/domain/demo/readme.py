"""The README the demo generator writes into data/demo/, from README.md.j2. No Dagster here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.domain.demo.common import FIRST_YEAR, LAST_YEAR, Level

TEMPLATE = Path(__file__).with_name("README.md.j2")


def _fmt_level(lvl: Level) -> str:
    if lvl.indicator is None:
        return f"{lvl.value} | invented |"
    if lvl.indicator.startswith("derived"):
        return f"{lvl.value} | {lvl.indicator} |"
    if lvl.indicator == "real":
        return f"{lvl.value} | real (CBS 03759NED, data/reference/population_03759NED.csv) |"
    return f"{lvl.value} | calibrated: `{lvl.indicator}` ({lvl.unit}) |"


def demo_readme(
    seed: int,
    scale: float,
    years: Sequence[int],
    table: list[tuple[str, int, Level]],
    policy: tuple[str, int, int],
) -> str:
    """The README of data/demo/ (the template README.md.j2 beside this module): what every file
    is, and which figures are real."""
    from jinja2 import Environment, StrictUndefined, select_autoescape

    policy_programme, policy_members, policy_start_year = policy
    cmd = f"python -m pipeline.domain.demo.generate --out data/demo --seed {seed} --scale {scale:g}"
    if (years[0], years[-1]) != (FIRST_YEAR, LAST_YEAR):
        cmd += f" --first-year {years[0]} --last-year {years[-1]}"
    # Markdown, not HTML: escaping is for HTML templates only.
    environment = Environment(
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    )
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(
        seed=seed,
        scale=f"{scale:g}",
        first_year=years[0],
        last_year=years[-1],
        latest_year=LAST_YEAR,
        cmd=cmd,
        policy_programme=policy_programme,
        policy_members=policy_members,
        policy_start_year=policy_start_year,
        rows=[f"| {series} | {year} | {_fmt_level(lvl)}" for series, year, lvl in table],
    )
