"""The SYNTHETIC stand-in for a policy programme list (not the real Preventie met gezag list). No
Dagster here."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_POLICY,
    Municipalities,
    seeded_rng,
    write_text,
)

# The synthetic stand-in for the Preventie met gezag list: how many municipalities, from when.
POLICY_PROGRAMME = "preventie_met_gezag"
POLICY_MEMBERS = 27
POLICY_START_YEAR = 2022
POLICY = (POLICY_PROGRAMME, POLICY_MEMBERS, POLICY_START_YEAR)

# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------


def policy_selection(munis: Municipalities, seed: int) -> list[str]:
    """The synthetic programme members: codes drawn with probability growing with population
    from municipalities of at least 40,000 inhabitants (sorted)."""
    eligible = np.flatnonzero(munis.pop_2025 >= 40_000)
    weights = munis.pop_2025[eligible].astype(np.float64) ** 0.5
    chosen = seeded_rng(seed, _SRC_POLICY).choice(
        eligible, POLICY_MEMBERS, replace=False, p=weights / weights.sum()
    )
    return sorted(munis.codes[i] for i in chosen)


def policy_file(out_dir: Path, codes: list[str], names: dict[str, str]) -> Path:
    lines = ["gemeentecode,gemeentenaam,startjaar"]
    lines += [f'{code},"{names[code]}",{POLICY_START_YEAR}' for code in codes]
    return write_text(out_dir / "policy" / f"{POLICY_PROGRAMME}.csv", lines)
