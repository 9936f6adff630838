"""SYNTHETIC Meld Misdaad Anoniem tips by municipality and theme. No Dagster here."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_SIGNALS,
    DemoYear,
    IntArray,
    Level,
    Municipalities,
    hotspot,
    multinomial,
    write_text,
)

# Meld Misdaad Anoniem -------------------------------------------------------------------------

MMA_THEMES = (
    "drugs", "explosieven", "fraude", "geweld", "mensenhandel", "ondermijning", "overig",
    "witwassen",
)  # fmt: skip
MMA_CALIBRATION = {
    "total": ("meld_misdaad_anoniem_reports",),
    "explosieven": ("meld_misdaad_anoniem_explosives_reports",),
}
# INVENTED. 2023 total: about 24 201 / 1.19 (the 2024 release says +19% on 2023).
MMA_INVENTED = {
    "total": {2015: 15800, 2017: 16400, 2018: 16700, 2023: 20340, 2025: 25100},
    "explosieven": {
        2015: 180, 2016: 190, 2017: 210, 2018: 230, 2019: 260, 2020: 300, 2021: 340,
        2022: 390, 2025: 820,
    },
}  # fmt: skip
# Shares of the non-explosives tips and hotspot group per theme (INVENTED; drugs about half, as
# in the 2022 and 2024 releases).
MMA_SHARES = {
    "drugs": 0.52, "fraude": 0.13, "geweld": 0.10, "mensenhandel": 0.04, "ondermijning": 0.07,
    "overig": 0.09, "witwassen": 0.05,
}  # fmt: skip
MMA_HOTSPOT: dict[str, str | None] = {
    "drugs": "drugs", "explosieven": "violence", "fraude": None, "geweld": "violence",
    "mensenhandel": None, "ondermijning": "drugs", "overig": None, "witwassen": "laundering",
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# Signals (Meld Misdaad Anoniem)
# --------------------------------------------------------------------------------------------


def signals_for_year(demo: DemoYear) -> tuple[dict[str, IntArray], dict[str, Level]]:
    """Tips per theme and 2025 municipality."""
    munis = demo.munis
    rng = demo.rng(_SRC_SIGNALS)
    levels = {
        k: demo.level(MMA_CALIBRATION[k], MMA_INVENTED[k], f"mma {k}")
        for k in ("total", "explosieven")
    }
    rest = levels["total"].value - levels["explosieven"].value
    themes = [t for t in MMA_THEMES if t != "explosieven"]
    per_theme = dict(
        zip(themes, multinomial(rng, rest, np.array([MMA_SHARES[t] for t in themes])), strict=True)
    )
    per_theme["explosieven"] = levels["explosieven"].value
    big = np.array([2.0 if c in ("GM0363", "GM0599") else 1.0 for c in munis.codes])
    out: dict[str, IntArray] = {}
    for k, theme in enumerate(MMA_THEMES):
        base = demo.by_size(0.1) * hotspot(munis, MMA_HOTSPOT[theme])
        w = demo.noisy(base, rng, _SRC_SIGNALS, k + 1, 4.0, 30.0)
        if theme == "explosieven":
            w = w * big
        out[theme] = multinomial(rng, int(per_theme[theme]), w)
    return out, levels


def signals_file(
    out_dir: Path, munis: Municipalities, year: int, data: dict[str, IntArray]
) -> Path:
    lines = ["jaar;gemeentecode;thema;aantal_meldingen"]
    for i, gm in enumerate(munis.codes):
        for theme in MMA_THEMES:
            n = int(data[theme][i])
            if n:
                lines.append(f"{year};{gm};{theme};{n}")
    return write_text(out_dir / "signals" / f"mma_{year}.csv", lines)
