"""The standard set for the yearly cycle: every chart, every table, the briefing, a manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path

from base.texts import text
from briefing.content import (
    CHART_KEYS,
    BriefingData,
    all_table_keys,
    available_chart_keys,
    available_table_keys,
    build_chart,
    build_table,
)
from briefing.document import build_briefing, pdf_renderer, to_docx, to_pdf
from presentation.exports import (
    edition_line,
    event_lines,
    file_stem,
    made_line,
    notes_sections,
    notes_text,
    render,
    stamp_of,
    table_csv,
    table_xlsx,
)


def build_standard_set(
    data: BriefingData,
    out: Path,
    years: Sequence[int],
    lang: str = "nl",
    today: dt.date | None = None,
) -> dict:
    """Write figures/*.png|svg, tables/*.xlsx|csv (comma and Dutch semicolon), briefing.docx|pdf
    and manifest.json (every file with its sha256) into `out`; return the manifest."""
    started = time.monotonic()
    # A release's files carry its date, not today's: the same release gives the same files.
    today = today or getattr(data.version, "release_date", None) or dt.date.today()
    date = today.strftime("%d-%m-%Y")
    out.mkdir(parents=True, exist_ok=True)
    (out / "figuren").mkdir(exist_ok=True)
    (out / "tabellen").mkdir(exist_ok=True)
    files: list[dict] = []

    def write(relative: str, content: bytes, kind: str, title: str) -> None:
        path = out / relative
        path.write_bytes(content)
        files.append(
            {
                "path": relative,
                "kind": kind,
                "title": title,
                "bytes": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        )

    # Figures and tables whose breakdown cannot be protected for these data are left out; the
    # briefing says which (briefing.content.omitted_note).
    chart_keys = available_chart_keys(data.publication)
    table_keys = available_table_keys(data.publication)
    charts = {}
    for key in chart_keys:
        chart = build_chart(data, key, years, lang)
        charts[key] = chart
        figure = chart.standalone(lang)
        for fmt in ("png", "svg"):
            write(f"figuren/{file_stem(key)}.{fmt}", render(figure, fmt), fmt, chart.title)
        # the notes beside the image name the events its dashed lines number
        notes_file = notes_text(
            chart.title, chart.subtitle, chart.source, chart.footnotes, lang,
            made_line(data.version, lang, date), event_lines(chart.figure),
        ).encode("utf-8")  # fmt: skip
        notes_name = text("export.sheet_notes", lang).lower()
        write(f"figuren/{file_stem(key)}_{notes_name}.txt", notes_file, "txt", chart.title)
    notes = notes_sections(lang)
    made = made_line(data.version, lang, date)
    for key in table_keys:
        table = build_table(data, key, years, lang)
        stem = f"tabellen/{file_stem(key)}"
        write(
            f"{stem}.xlsx",
            table_xlsx(table, lang, notes=notes, made=made, stamp=stamp_of(data.version)),
            "xlsx",
            table.title,
        )
        write(f"{stem}.csv", table_csv(table), "csv", table.title)
        write(f"{stem}_puntkomma.csv", table_csv(table, semicolon=True), "csv", table.title)
    # all keys: the briefing leaves out the same ones and says which (chart_keys would hide that)
    all_tables = all_table_keys()
    briefing = build_briefing(data, years, CHART_KEYS, all_tables, lang, today, charts=charts)
    docx = to_docx(briefing)
    write("briefing.docx", docx, "docx", briefing.title)
    write("briefing.pdf", to_pdf(briefing, docx), "pdf", briefing.title)
    manifest = {
        "product": "Meldingenmonitor Rijk",
        "made_on": today.isoformat(),
        "language": lang,
        "years": [int(y) for y in years],
        "data_version": data.version.label(),
        "release": getattr(data.version, "release_id", None),
        "edition": edition_line(data.version, lang),
        "synthetic": bool(data.version.synthetic),
        "protection": {
            "threshold": data.publication.rules.threshold,
            "min_interval_width": data.publication.rules.min_interval_width,
        },
        "pdf_renderer": pdf_renderer(),
        "seconds": round(time.monotonic() - started, 1),
        "omitted": [
            key
            for key in (*CHART_KEYS, *all_tables)
            if key not in chart_keys and key not in table_keys
        ],
        "files": files,
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return manifest
