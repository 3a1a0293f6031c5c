"""Briefings for letters to parliament: the standard set of figures, tables and one document.

`python -m briefing build --out DIR [--year YEAR] [--lang nl|en] [--db PATH]` writes every chart
as PNG and SVG, every table as XLSX and CSV, the briefing as DOCX and PDF, and manifest.json.
See docs/exports.md.
"""

from briefing.build import build_standard_set
from briefing.content import (
    CHART_KEYS,
    TABLE_KEYS,
    BriefingData,
    ExportChart,
    build_chart,
    build_table,
    load_data,
)
from briefing.document import Briefing, build_briefing, to_docx, to_pdf

__all__ = [
    "CHART_KEYS",
    "TABLE_KEYS",
    "Briefing",
    "BriefingData",
    "ExportChart",
    "build_briefing",
    "build_chart",
    "build_standard_set",
    "build_table",
    "load_data",
    "to_docx",
    "to_pdf",
]
