"""SYNTHETIC OM criminal seizures (strafvorderlijk beslag) by municipality and type. No Dagster
here."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_OM_SEIZED,
    FIRST_YEAR,
    DemoYear,
    IntArray,
    Level,
    Municipalities,
    apportion,
    drifting_shares,
    hotspot,
    multinomial,
    write_text,
)

# OM strafvorderlijk beslag -------------------------------------------------------------------

OM_SEIZED_TYPES = ("crypto", "geld", "onroerend_goed", "overig", "voertuigen")
OM_SEIZED_CALIBRATION = ("om_strafvorderlijk_beslag",)
OM_SEIZED_INVENTED = {
    2015: 230_000_000, 2016: 260_000_000, 2017: 300_000_000, 2024: 340_000_000,
    2025: 330_000_000,
}  # fmt: skip
OM_SEIZED_CASES_INVENTED = {y: 14_000 + 700 * (y - FIRST_YEAR) for y in range(2015, 2026)}
# Type: (share of cases 2015, share 2025, relative value per case). INVENTED.
OM_SEIZED_MIX = {
    "crypto": (0.01, 0.08, 3.0), "geld": (0.44, 0.40, 1.0), "onroerend_goed": (0.06, 0.06, 12.0),
    "overig": (0.19, 0.17, 0.6), "voertuigen": (0.30, 0.29, 1.2),
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# OM strafvorderlijk beslag and FIU emergency freezes
# --------------------------------------------------------------------------------------------


def om_seized_for_year(
    demo: DemoYear,
) -> tuple[dict[str, tuple[IntArray, IntArray]], dict[str, Level]]:
    """Cases and euros per type and 2025 municipality."""
    munis, year = demo.munis, demo.year
    rng = demo.rng(_SRC_OM_SEIZED)
    value = demo.level(OM_SEIZED_CALIBRATION, OM_SEIZED_INVENTED, "om beslag")
    cases = Level(OM_SEIZED_CASES_INVENTED[year], None)
    per_type = multinomial(rng, cases.value, drifting_shares(OM_SEIZED_MIX.values(), year))
    hot = hotspot(munis, "laundering") * hotspot(munis, "drugs")
    counts = []
    value_weights = []
    for k, kind in enumerate(OM_SEIZED_TYPES):
        w = demo.noisy(demo.by_size(0.3) * hot, rng, _SRC_OM_SEIZED, k + 1, 3.0, 10.0)
        c = multinomial(rng, int(per_type[k]), w)
        counts.append(c)
        value_weights.append(c * OM_SEIZED_MIX[kind][2] * rng.lognormal(0.0, 0.9, size=len(munis)))
    flat = apportion(value.value, np.concatenate(value_weights))
    n = len(munis)
    out = {kind: (counts[k], flat[k * n : (k + 1) * n]) for k, kind in enumerate(OM_SEIZED_TYPES)}
    return out, {"value": value, "cases": cases}


def om_seized_file(
    out_dir: Path, munis: Municipalities, year: int, data: dict[str, tuple[IntArray, IntArray]]
) -> Path:
    lines = ["jaar;gemeentecode;soort_beslag;aantal_zaken;waarde_eur"]
    for i, gm in enumerate(munis.codes):
        for kind in OM_SEIZED_TYPES:
            c, v = (int(a[i]) for a in data[kind])
            if c or v:
                lines.append(f"{year};{gm};{kind};{c};{v}")
    return write_text(out_dir / "financial" / f"om_beslag_{year}.csv", lines)
