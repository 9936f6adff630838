"""Publishing: number formatting, charts, report text and sections, annex, manifest, PDF."""
