"""The report layer: the yearly report in both languages, HTML and PDF, annex and manifest."""
