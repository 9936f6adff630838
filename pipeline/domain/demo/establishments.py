"""The demo's business establishments as CBS 81575NED delivers them (OData v3 CSV). No Dagster.

Every SBI 2008 code of the table in CBS's order (the total, the sections, the section groups,
"SBI-code onbekend"), keys padded to seven characters as the v3 API writes them, each
municipality of the year's division, every count rounded to a multiple of 5 on its own (so the
total may differ from the sum of its sections). The counts themselves are INVENTED
(``pipeline.domain.demo.generate.establishments_for_year``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.domain.demo.cbs_shapes import round5
from pipeline.domain.demo.common import quoted, seeded_rng, write_text
from pipeline.domain.demo.geography import YearGeography, disaggregate

_SRC_UNKNOWN_SBI = 13  # seed key (never renumber)
TOTAL = "T001081"
UNKNOWN = "999999"
SECTION_KEYS = {
    "A": "301000", "B": "305700", "C": "307500", "D": "346600", "E": "348000", "F": "350000",
    "G": "354200", "H": "383100", "I": "389100", "J": "391600", "K": "396300", "L": "402000",
    "M": "403300", "N": "410200", "O": "417400", "P": "419000", "Q": "422400", "R": "428100",
    "S": "435500", "T": "440000", "U": "440900",
}  # fmt: skip
GROUPS = {
    "300002": "BCDE", "300003": "BCDEF", "300006": "GHI", "300007": "GHIJKLMN", "300010": "MN",
    "300013": "OPQRSTU", "300012": "OPQ", "300014": "RSTU",
}  # fmt: skip
# The order of the codes in CBS's code list (its Index).
ORDER = (
    TOTAL, "301000", "305700", "300002", "300003", "307500", "346600", "348000", "350000",
    "300006", "300007", "354200", "383100", "389100", "391600", "396300", "402000", "300010",
    "403300", "410200", "300013", "300012", "417400", "419000", "422400", "300014", "428100",
    "435500", "440000", "440900", UNKNOWN,
)  # fmt: skip
UNKNOWN_SHARE = 0.002  # establishments without a known SBI code (INVENTED)


def establishment_cells(
    geography: YearGeography,
    current_codes: tuple[str, ...],
    sections: dict[str, np.ndarray],
    population: dict[str, int],
    year: int,
    seed: int,
) -> dict[str, dict[str, int]]:
    """SBI key -> municipality of the year -> establishments, unrounded."""
    weights = {code: float(population[code]) for code in geography.codes}
    cells = {
        SECTION_KEYS[letter]: disaggregate(geography, current_codes, values, weights)
        for letter, values in sections.items()
    }
    cells[TOTAL] = {c: sum(cells[k][c] for k in SECTION_KEYS.values()) for c in geography.codes}
    for key, letters in GROUPS.items():
        cells[key] = {
            c: sum(cells[SECTION_KEYS[letter]][c] for letter in letters) for c in geography.codes
        }
    rng = seeded_rng(seed, _SRC_UNKNOWN_SBI, year)
    cells[UNKNOWN] = {c: int(rng.poisson(cells[TOTAL][c] * UNKNOWN_SHARE)) for c in geography.codes}
    return cells


def write_establishments_v3(
    out_dir: Path, geography: YearGeography, cells: dict[str, dict[str, int]], year: int
) -> Path:
    lines = [quoted("ID", "BedrijfstakkenBranchesSBI2008", "RegioS", "Perioden", "Vestigingen_1")]
    row_id = 0
    for key in ORDER:
        for code in geography.codes:
            lines.append(
                quoted(row_id, f"{key:<7}", code, f"{year}JJ00", f"{round5(cells[key][code]):>8}")
            )
            row_id += 1
    return write_text(out_dir / "establishments" / f"81575NED_{year}.csv", lines)
