"""Number formatting per edition language (Babel): Dutch separators in the Dutch edition."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MISSING = "\u2013"  # en dash: no figure
MINUS = "\u2212"  # typographic minus sign


def format_count(value: float | int | None, language: str) -> str:
    if value is None:
        return MISSING
    return format_decimal(round(value), format="#,##0", locale=LOCALES[language])


def format_rate(value: float | None, language: str, decimals: int = 1) -> str:
    if value is None:
        return MISSING
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=LOCALES[language])


def format_share(value: float | None, language: str, decimals: int = 0) -> str:
    if value is None:
        return MISSING
    pattern = "0." + "0" * decimals + "%" if decimals else "0%"
    return format_percent(value, format=pattern, locale=LOCALES[language])


def format_change(value: float | None, language: str) -> str:
    """A signed percentage change, such as +4,2% or a minus sign and 3,0%."""
    if value is None:
        return MISSING
    text = format_percent(abs(value), format="0.0%", locale=LOCALES[language])
    sign = "+" if value > 0 else (MINUS if value < 0 else "±")
    return f"{sign}{text}"


# Large euro amounts in words, so that a reader need not count digits.
EURO_SCALES = {
    "nl": ((1e9, "miljard"), (1e6, "miljoen")),
    "en": ((1e9, "billion"), (1e6, "million")),
}


def format_euros(value: float | None, language: str) -> str:
    """Euros as € 2,34 miljard / €2.34 billion, € 12,5 miljoen, or € 8.500 in full below a
    million (the euro sign spaced as each language writes it)."""
    if value is None:
        return MISSING
    sign = "€ " if language == "nl" else "€"
    for scale, word in EURO_SCALES[language]:
        if abs(value) >= scale:
            decimals = 2 if scale == 1e9 else 1
            return f"{sign}{format_rate(value / scale, language, decimals)} {word}"
    return f"{sign}{format_count(value, language)}"
