"""What the upload page shows: the review's comparisons, a department's history and audit trail,
as tables in the user's language (delivery/ decides every figure; app_pages/aanleveren.py draws).

File names are the uploaders' own choice: capped to etl.problems.FILE_NAME_SHOWN characters.
Dataframe cells are not Markdown, so the names need no escaping here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from base.formatting import format_local_times, format_number
from base.texts import text
from delivery.review import Review
from etl.contract import MEASURE_KINDS, MEASURES_FILE
from etl.problems import Problem, column_letter, short_file_name
from presentation.labels import loader_label

Scope = tuple[str, int, str]


def scope_text(scopes: Iterable[Scope], lang: str | None = None) -> str:
    """'BZK 2022 vertrouwenspersoon, BZK 2022 maatregelen': scopes as a conflict or receipt names
    them; with `lang`, each channel (or a measures file's scope) named in that language, in lower
    case as inside a sentence ('BZK 2022 confidential adviser'). An fte file's scope has none."""

    def channel(c: str) -> str:
        if not c or lang is None:
            return c
        name = text(f"channel.{c}", lang)
        return name[:1].lower() + name[1:]

    return ", ".join(f"{d} {y} {channel(c)}".strip() for d, y, c in scopes)


def file_names(names: pd.Series) -> list[str]:
    """File names as the tables show them: capped, '' where there is none."""
    return [short_file_name(name) if isinstance(name, str) else "" for name in names]


def channel_names(codes: object, lang: str) -> str:
    """The stored channel codes ('meldpunt, vertrouwenspersoon') as the channels' names in the
    user's language; a code is Dutch, whatever the page's language."""
    if not isinstance(codes, str) or not codes:
        return ""
    return ", ".join(text(f"channel.{c}", lang) for c in codes.split(", "))


def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The history for display, in the user's language."""
    if history.empty:
        return history

    def status(row) -> str:
        if row.fully_in_force:
            return text("upload.status.in_force", lang)
        if row.partly_in_force:
            return text("upload.status.partly", lang)
        return text("upload.status.replaced", lang)

    return pd.DataFrame(
        {
            text("upload.col.submission", lang): history["submission_id"],
            text("upload.col.file", lang): file_names(history["file_name"]),
            text("upload.col.loaded_at", lang): format_local_times(history["loaded_at"]),
            text("upload.col.loaded_by", lang): [
                loader_label(w, lang) for w in history["loaded_by"]
            ],
            text("upload.col.years", lang): history["years"],
            text("upload.col.channels", lang): [
                channel_names(c, lang) for c in history["channels"]
            ],
            text("upload.col.reports", lang): history["reports"].astype(int),
            text("upload.col.status", lang): [status(row) for row in history.itertuples()],
            text("upload.col.replaced_by", lang): history["replaced_by"].fillna(""),
            text("upload.col.note", lang): history["note"].fillna(""),
            "sha256": history["sha256"],
        }
    )


def audit_table(trail: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A department's audit trail (delivery.history.audit_trail), newest first."""
    if trail.empty:
        return trail
    trail = trail.sort_values("at", kind="stable", ascending=False)
    details = []
    for event in trail.to_dict("records"):
        action = event.get("action")
        if action == "replace":
            details.append(
                text(
                    "upload.detail.replace",
                    lang,
                    old=event.get("old"),
                    new=event.get("submission_id"),
                    scope=f"{int(event['year'])} {event.get('channel') or ''}".strip(),
                )
            )
        elif action == "rejected":
            details.append(text("upload.detail.problems", lang, count=event.get("problems") or 0))
        elif action == "conflict":
            details.append(scope_text((tuple(s) for s in event.get("scopes") or []), lang))
        else:
            details.append(str(event.get("note") or event.get("detail") or ""))
    return pd.DataFrame(
        {
            text("upload.col.when", lang): format_local_times(trail["at"]),
            text("upload.col.who", lang): [
                loader_label(a, lang) if isinstance(a, str) else "" for a in trail["actor"]
            ],
            text("upload.col.what", lang): [
                text(f"upload.action.{a}", lang) for a in trail["action"]
            ],
            text("upload.col.submission", lang): trail["submission_id"].fillna(""),
            text("upload.col.file", lang): file_names(trail["file_name"]),
            text("upload.col.detail", lang): details,
        }
    ).reset_index(drop=True)


def _number(value: float, lang: str, decimals: int = 0) -> str:
    if pd.isna(value):
        return text("upload.not_submitted", lang)
    return format_number(value, decimals, lang)


def comparison_display(
    table: pd.DataFrame, lang: str, by: list[str], decimals: int = 0
) -> pd.DataFrame:
    """Department, year, the `by` columns, then new / current / last year as Dutch numbers."""
    columns: dict[str, object] = {
        text("upload.col.department", lang): table["department"],
        text("upload.col.year", lang): table["year"].astype(int).astype(str),
    }
    if "channel" in by:
        columns[text("upload.col.channel", lang)] = [
            text(f"channel.{c}", lang) for c in table["channel"]
        ]
    if "category" in by:
        columns[text("upload.col.category", lang)] = [
            text(f"category.{c}", lang) if c else text("upload.zero_row", lang)
            for c in table["category"]
        ]
    if "kind" in by:
        columns[text("upload.col.kind", lang)] = [
            text(f"will.kind.{k}", lang) for k in table["kind"]
        ]
    for column in ("new", "current", "last_year"):
        columns[text(f"upload.col.{column}", lang)] = [
            _number(v, lang, decimals) for v in table[column]
        ]
    return pd.DataFrame(columns)


def channel_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.channel_table
    return table if table.empty else comparison_display(table, lang, ["channel"])


def category_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.category_table
    return table if table.empty else comparison_display(table, lang, ["channel", "category"])


def fte_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.fte_table
    return table if table.empty else comparison_display(table, lang, [], decimals=2)


def _in_kind_order(table: pd.DataFrame, *then: str) -> pd.DataFrame:
    """Rows per department and year in the contract's order of kinds (training ... advisers)."""
    order = {kind: position for position, kind in enumerate(MEASURE_KINDS)}
    return table.sort_values(
        ["department", "year", "kind", *then],
        key=lambda c: c.map(order) if c.name == "kind" else c,
    ).reset_index(drop=True)


def measures_display(review: Review, lang: str) -> pd.DataFrame:
    """Activities per department, year and kind of measure: new, in force now, last year."""
    table = review.measures_table
    return table if table.empty else comparison_display(_in_kind_order(table), lang, ["kind"])


def measures_summary(records: pd.DataFrame, lang: str) -> dict[str, str]:
    """What a valid measures file holds, for its line in the check: rows, kinds of measure,
    departments and years."""
    return {
        "rows": format_number(len(records), lang=lang),
        "kinds": format_number(records["kind"].nunique(), lang=lang),
        "departments": ", ".join(sorted(records["department"].unique())),
        "years": line_ranges(records["year"].astype(int).tolist(), lang),
    }


def measures_rows_display(review: Review, lang: str) -> pd.DataFrame:
    """The measures files' rows as delivered (kinds in the contract's words), with organisation
    and participants. The participants are counts of people and the publication shows small ones
    as '<5'; here they are raw, as on the rest of this page: only the department's own uploaders
    and administrators see the review, and they have the file itself anyway."""
    frames = [
        f.result.records.assign(file=short_file_name(f.file_name))
        for f in review.files
        if f.accepted and f.result.file_kind == MEASURES_FILE
    ]
    if not frames:
        return pd.DataFrame()
    rows = _in_kind_order(pd.concat(frames, ignore_index=True), "file", "line")
    columns: dict[str, object] = {}
    if len(frames) > 1:  # a line number names a row of one file
        columns[text("upload.col.file", lang)] = rows["file"]
    columns[text("upload.col.line", lang)] = rows["line"].astype(int).astype(str)
    return pd.DataFrame(
        columns
        | {
            text("upload.col.department", lang): rows["department"],
            text("upload.col.year", lang): rows["year"].astype(int).astype(str),
            text("upload.col.kind", lang): [text(f"will.kind.{k}", lang) for k in rows["kind"]],
            text("upload.col.organisation", lang): rows["organisation"].fillna(""),
            text("upload.col.activities", lang): [
                format_number(n, lang=lang) for n in rows["activities"]
            ],
            text("upload.col.participants", lang): [
                "" if pd.isna(n) else format_number(n, lang=lang) for n in rows["participants"]
            ],
        }
    )


def replaced_display(review: Review, lang: str) -> pd.DataFrame:
    """What the commit will replace: per scope, the version in force now."""
    table = review.replaced
    if table.empty:
        return table
    return pd.DataFrame(
        {
            text("upload.col.department", lang): table["department"],
            text("upload.col.year", lang): table["year"].astype(int).astype(str),
            text("upload.col.channel", lang): [
                text(f"channel.{c}", lang) if c else "fte" for c in table["channel"]
            ],
            text("upload.col.submission", lang): table["submission_id"],
            text("upload.col.file", lang): file_names(table["file_name"]),
            text("upload.col.loaded_at", lang): format_local_times(table["loaded_at"]),
            text("upload.col.loaded_by", lang): [loader_label(w, lang) for w in table["loaded_by"]],
        }
    )


MAX_LINE_RANGES = 8  # a problem on hundreds of scattered lines: the first ranges, then how many


def line_ranges(lines: Sequence[int], lang: str) -> str:
    """[2, 3, 4, 9, 11, 12] -> '2–4, 9, 11–12'; after MAX_LINE_RANGES ranges, '… (n more)'."""
    ranges: list[tuple[int, int]] = []
    for line in sorted(set(lines)):
        if ranges and line == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], line)
        else:
            ranges.append((line, line))
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[:MAX_LINE_RANGES]]
    if len(ranges) > MAX_LINE_RANGES:
        parts.append(text("upload.more_lines", lang, count=len(ranges) - MAX_LINE_RANGES))
    return ", ".join(parts)


def problem_lines(problems: Sequence[Problem], lang: str) -> list[str]:
    """The problems of one file as a reader takes them in: problems that say the same thing about
    the same column (an unknown ministry code on every row) become one line naming the column and
    the rows, in the order of their first row; others are shown one by one (Problem.message)."""
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        if problem.line is None:
            key: tuple = ("single", id(problem))
        else:
            key = (
                problem.code,
                problem.column_number,
                problem.column_name,
                tuple(sorted((k, str(v)) for k, v in problem.params.items())),
            )
        groups.setdefault(key, []).append(problem)
    lines = []
    for group in groups.values():
        first = group[0].shown()
        if len(group) == 1:
            lines.append(first.message(lang))
            continue
        place = text(
            "upload.where_lines_column" if first.column_name else "upload.where_lines",
            lang,
            file=first.file,
            count=len(group),
            lines=line_ranges([p.line for p in group if p.line is not None], lang),
            column_number=first.column_number or "",
            column_letter=column_letter(first.column_number) if first.column_number else "",
            column_name=first.column_name or "",
        )
        lines.append(f"{place}: {first.what(lang)}")
    return lines
