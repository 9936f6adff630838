"""What a CBS region code stands for, read from the code itself. No Dagster here.

CBS tables put the country, its parts, provinces, police units and municipalities in one region
dimension (cbs_formats.md): NL01; landsdelen LD01-LD04; provinces PV20-PV31; police units
RE01-RE10; COROP areas CR01-CR40; municipalities GMxxxx. The codes ending in 99 (LD99, PV99,
RE99, CR99) and GM0999 hold what cannot be placed in a region ("niet in te delen"). Only GM codes
other than GM0999 are municipalities; everything else is an aggregate, used to reconcile.
"""

from __future__ import annotations

import re
from functools import cache

MUNICIPALITY = "municipality"
UNALLOCATED = "unallocated"
_PATTERNS = (
    (re.compile(r"^NL01$"), "country"),
    (re.compile(r"^(LD|PV|RE|CR)99$|^GM0999$"), UNALLOCATED),
    (re.compile(r"^LD0[1-4]$"), "landsdeel"),
    (re.compile(r"^PV(2[0-9]|3[01])$"), "province"),
    (re.compile(r"^RE(0[1-9]|10)$"), "police_unit"),
    (re.compile(r"^CR[0-4][0-9]$"), "corop"),
    (re.compile(r"^GM[0-9]{4}$"), MUNICIPALITY),
)

# Every aggregate code a CBS table may hold (municipalities are checked against the divisions).
AGGREGATE_CODES: frozenset[str] = frozenset(
    {"NL01", "LD99", "PV99", "RE99", "CR99", "GM0999"}
    | {f"LD0{n}" for n in range(1, 5)}
    | {f"PV{n}" for n in range(20, 32)}
    | {f"RE{n:02d}" for n in range(1, 11)}
    | {f"CR{n:02d}" for n in range(1, 41)}
)


@cache
def region_level(code: str) -> str | None:
    """The level of a (trimmed) region code, or None for a code of no known form."""
    for pattern, level in _PATTERNS:
        if pattern.match(code):
            return level
    return None


def is_municipality(code: str) -> bool:
    return region_level(code) == MUNICIPALITY
