"""Structured validation problems: what is wrong, where (file, line, column), and how to say it."""

from __future__ import annotations

from dataclasses import dataclass, field

from base.texts import text


def column_letter(number: int) -> str:
    """Spreadsheet column letter for a 1-based column number: 1 -> A, 27 -> AA."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One reason to reject a file; `params` never holds a value that looked like personal data."""

    code: str
    file: str
    line: int | None = None
    column_number: int | None = None
    column_name: str | None = None
    params: dict[str, object] = field(default_factory=dict)

    def location(self, lang: str = "nl") -> str:
        if self.line is not None and self.column_number is not None:
            return text(
                "where.cell" if self.column_name else "where.cell_unnamed",
                lang,
                file=self.file,
                line=self.line,
                column_number=self.column_number,
                column_letter=column_letter(self.column_number),
                column_name=self.column_name or "",
            )
        if self.line is not None:
            return text("where.line", lang, file=self.file, line=self.line)
        return text("where.file", lang, file=self.file)

    def message(self, lang: str = "nl") -> str:
        params = dict(self.params)
        if "kind" in params:
            params["kind"] = text(f"pii.{params['kind']}", lang)
        return f"{self.location(lang)}: {text(self.code, lang, **params)}"

    def as_dict(self, lang: str = "nl") -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column_number,
            "column_name": self.column_name,
            "code": self.code,
            "message": self.message(lang),
        }


class FileRejected(Exception):
    """Raised inside reading when a file cannot be read at all; carries its problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].code if problems else "rejected")
        self.problems = problems
