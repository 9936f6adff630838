"""The SQL tests' shared helpers, gathered under their old name for the modules that import them
from here (tests/unit/additivity_warehouse.py among them). New code imports from the module that
holds a name:

- fixture_reference.py: the fixture geography and its tiny reference tables
- reference_files.py: the real reference CSVs, writing and loading reference CSVs
- fixture_rows.py: the raw rows of the fixture years 2023 and 2024
- raw_loaders.py: loading raw rows into raw.<source>
- runners.py: running staging and the marts, staging a later-added source
- idempotence.py: snapshots of a year and the rerun check
"""

from __future__ import annotations

from .fixture_reference import FIXTURE_REFERENCE, REFERENCE_TABLES
from .fixture_rows import (
    DRUG_SITES_2024,
    EMERGENCY_FREEZES_2023,
    EMERGENCY_FREEZES_2024,
    ESTABLISHMENTS_2023,
    ESTABLISHMENTS_2024,
    FINANCIAL_2024,
    INCIDENTS_2023,
    INCIDENTS_2024,
    POP_TOTAL,
    POPULATION_2023,
    POPULATION_2024,
    SEIZED_ASSETS_2023,
    SEIZED_ASSETS_2024,
    SEIZURES_2023,
    SEIZURES_2024,
    SIGNALS_2023,
    SIGNALS_2024,
    incident,
    population,
)
from .idempotence import assert_idempotent, other_years, snapshot
from .raw_loaders import (
    delivered_frame,
    load_2023,
    load_2024,
    load_raw,
    load_without_file,
    load_year,
)
from .reference_files import (
    REAL_REFERENCE,
    REPO,
    load_reference,
    real_header,
    write_reference,
)
from .runners import (
    NEW_SOURCES,
    STAGING,
    phenomenon_params,
    run_marts,
    run_staging,
    stage_new_source,
    table_rows,
)

__all__ = [
    "DRUG_SITES_2024",
    "EMERGENCY_FREEZES_2023",
    "EMERGENCY_FREEZES_2024",
    "ESTABLISHMENTS_2023",
    "ESTABLISHMENTS_2024",
    "FINANCIAL_2024",
    "FIXTURE_REFERENCE",
    "INCIDENTS_2023",
    "INCIDENTS_2024",
    "NEW_SOURCES",
    "POPULATION_2023",
    "POPULATION_2024",
    "POP_TOTAL",
    "REAL_REFERENCE",
    "REFERENCE_TABLES",
    "REPO",
    "SEIZED_ASSETS_2023",
    "SEIZED_ASSETS_2024",
    "SEIZURES_2023",
    "SEIZURES_2024",
    "SIGNALS_2023",
    "SIGNALS_2024",
    "STAGING",
    "assert_idempotent",
    "delivered_frame",
    "incident",
    "load_2023",
    "load_2024",
    "load_raw",
    "load_reference",
    "load_without_file",
    "load_year",
    "other_years",
    "phenomenon_params",
    "population",
    "real_header",
    "run_marts",
    "run_staging",
    "snapshot",
    "stage_new_source",
    "table_rows",
    "write_reference",
]
