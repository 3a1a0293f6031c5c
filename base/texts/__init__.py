"""The one translation table behind `text()`: every user-facing text, kept per feature in this package.

Base layer: imports nothing else of the project. Each feature module holds a TEXTS dict of
key -> {"nl": ..., "en": ...}; they are merged here, and a key defined twice is an error.
"""

from __future__ import annotations

import os
import string

from base.texts import (
    analysis_cli,
    dashboard,
    etl,
    exports,
    protection,
    publication,
    releases,
    statistics,
    survey,
    underreporting,
    upload,
    willingness,
)

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
FEATURES = (
    etl,
    dashboard,
    underreporting,
    exports,
    protection,
    publication,
    releases,
    upload,
    statistics,
    analysis_cli,
    survey,
    willingness,
)


def _merged() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for feature in FEATURES:
        twice = merged.keys() & feature.TEXTS.keys()
        if twice:
            raise RuntimeError(f"text keys defined twice: {sorted(twice)}")
        merged.update(feature.TEXTS)
    return merged


TEXTS: dict[str, dict[str, str]] = _merged()


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for `key` in `lang` (falls back to Dutch), with {placeholders} filled in."""
    entry = TEXTS[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return string.Formatter().vformat(template, (), _KeepMissing(params))


def language_from_environment() -> str:
    lang = os.environ.get("MELDINGEN_LANG", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
