"""Structured validation problems: what is wrong, where (file, line, column), and how to say it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from base.texts import text


def column_letter(number: int) -> str:
    """Spreadsheet column letter for a 1-based column number: 1 -> A, 27 -> AA."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


FILE_NAME_SHOWN = 80  # characters of a file name shown on a page or in a report


def short_file_name(name: str, limit: int = FILE_NAME_SHOWN) -> str:
    """A file name as shown: at most `limit` characters, the middle replaced by '…'.

    Uploaders choose file names freely (one of 5,000 characters fills a page); the start and the
    end, with the extension, are what tells files apart.
    """
    if len(name) <= limit:
        return name
    tail = min(16, (limit - 1) // 3)
    return f"{name[: limit - 1 - tail]}…{name[len(name) - tail :]}"


@dataclass(frozen=True)
class Problem:
    """One reason to reject a file, located by file, line and column.

    Neither `params` nor `column_name` ever holds text of the file that is not a word of the data
    contract (its column names, vocabularies, Excel error values, totals-row markers): any other
    text may be personal data (a name, an e-mail address, an IBAN), so a message names its place,
    not its content.
    """

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

    def what(self, lang: str = "nl") -> str:
        """What is wrong and what to do, without where."""
        params = dict(self.params)
        if "kind" in params:
            params["kind"] = text(f"pii.{params['kind']}", lang)
        return text(self.code, lang, **params)

    def message(self, lang: str = "nl") -> str:
        return f"{self.location(lang)}: {self.what(lang)}"

    def shown(self) -> Problem:
        """The problem as a page or a report shows it: its file name capped (short_file_name)."""
        return replace(self, file=short_file_name(self.file))

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
