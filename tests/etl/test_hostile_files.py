"""Hostile files (issue 17, finding 1): memory stays bounded whatever is uploaded.

Each bomb is generated here, small: an .xlsx of a few KB declaring a huge `<dimension>`, 20,000 rows
with one cell in column XFD, shared strings that unpack to hundreds of MB, a CSV of 100,000
columns. Each is refused (or, for the dimension, ignored) with its own problem, in this process and
in the child that validates untrusted files under a low memory cap; a file that does exhaust the
child's memory fails with a message while another request is answered meanwhile.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import sys
import threading
import time
import types
import zipfile
from collections.abc import Iterable

import pytest

from delivery.review import review_files
from etl.isolation import validate_untrusted
from etl.loading import IncomingFile, load_files
from etl.validation import validate_file
from tests.access.conftest import BZK_UPLOADER

TODAY = dt.date(2025, 6, 1)
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELS_NS = b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml."
OFFICE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>departement</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>jaar</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>kanaal</t></is></c>'
    b'<c r="D1" t="inlineStr"><is><t>categorie</t></is></c></row>'
)
VALID_ROW = (
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>BZK</t></is></c><c r="B2"><v>2024</v></c>'
    b'<c r="C2" t="inlineStr"><is><t>vertrouwenspersoon</t></is></c>'
    b'<c r="D2" t="inlineStr"><is><t>pesten</t></is></c></row>'
)


def _xlsx(sheet: Iterable[bytes], shared: Iterable[bytes] | None = None) -> bytes:
    """A minimal workbook whose sheet (and shared strings) are streamed into the archive."""
    strings_type = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%ssharedStrings+xml"/>'
    strings_rel = b'<Relationship Id="rId2" Type="%ssharedStrings" Target="sharedStrings.xml"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" ContentType="%ssheet.main+xml"/>'
            b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="%sworksheet+xml"/>'
            b"%s</Types>" % (TYPE, TYPE, strings_type % TYPE if shared is not None else b""),
        )
        archive.writestr(
            "_rels/.rels",
            b'<Relationships %s><Relationship Id="rId1" Type="%sofficeDocument" '
            b'Target="xl/workbook.xml"/></Relationships>' % (RELS_NS, OFFICE),
        )
        archive.writestr(
            "xl/workbook.xml",
            b'<workbook %s xmlns:r="%s"><sheets><sheet name="Blad1" sheetId="1" '
            b'r:id="rId1"/></sheets></workbook>' % (NS, OFFICE.rstrip(b"/")),
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            b'<Relationships %s><Relationship Id="rId1" Type="%sworksheet" '
            b'Target="worksheets/sheet1.xml"/>%s</Relationships>'
            % (RELS_NS, OFFICE, strings_rel % OFFICE if shared is not None else b""),
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for piece in sheet:
                part.write(piece)
        if shared is not None:
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                for piece in shared:
                    part.write(piece)
    return buffer.getvalue()


def _sheet(*rows: bytes, dimension: bytes = b"") -> list[bytes]:
    return [b"<worksheet %s>%s<sheetData>" % (NS, dimension), *rows, b"</sheetData></worksheet>"]


@functools.cache
def dimension_bomb() -> bytes:
    """A valid sheet of one row that declares 17 billion cells, and an empty cell in its last row."""
    last = b'<row r="1048576"><c r="A1048576" s="0"/></row>'
    return _xlsx(_sheet(HEADER_ROW, VALID_ROW, last, dimension=b'<dimension ref="A1:XFD1048576"/>'))


@functools.cache
def column_xfd_bomb(rows: int = 20_000) -> bytes:
    cells = (b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r) for r in range(2, rows + 2))
    return _xlsx([*_sheet(HEADER_ROW)[:2], *cells, b"</sheetData></worksheet>"])


@functools.cache
def shared_strings_bomb(megabytes: int = 300) -> bytes:
    """About a MB packed; the shared strings unpack to `megabytes` MB (as the archive declares)."""
    item = b"<si><t>" + b"x" * 1000 + b"</t></si>"
    strings = (item for _ in range(megabytes * 1000))
    return _xlsx(_sheet(HEADER_ROW), [b"<sst %s>" % NS, *strings, b"</sst>"])


def shared_strings_plain(megabytes: float = 2) -> bytes:
    """Shared strings that pack as ordinary text does (no zip bomb), `megabytes` unpacked."""
    items = [b"<si><t>%s</t></si>" % os.urandom(500).hex().encode()]
    items *= int(megabytes * 1024 * 1024 / len(items[0]))
    return _xlsx(_sheet(HEADER_ROW), [b"<sst %s>" % NS, *items, b"</sst>"])


def wide_csv(columns: int = 100_000) -> bytes:
    names = ["departement", "jaar", "kanaal", "categorie"] + [f"k{i}" for i in range(columns - 4)]
    return (";".join(names) + "\n" + ";" * (columns - 1) + "\n").encode()


def _codes(result) -> list[str]:
    return [problem.code for problem in result.problems]


# --- each bomb, in this process ------------------------------------------------------------------


def test_a_huge_dimension_is_ignored():
    data = dimension_bomb()
    assert len(data) < 5_000
    result = validate_file(data, "dimension.xlsx", TODAY)
    assert result.accepted, _codes(result)
    assert result.records[["department", "year", "channel"]].values.tolist() == [
        ["BZK", 2024, "vertrouwenspersoon"]
    ]


def test_one_cell_in_column_xfd_refuses_the_file_at_its_row():
    data = column_xfd_bomb()
    assert len(data) < 200_000
    result = validate_file(data, "xfd.xlsx", TODAY)
    [problem] = result.problems
    assert (problem.code, problem.line, problem.params) == (
        "file.too_many_columns",
        2,
        {"found": 16_384, "limit": 200},
    )
    assert problem.message("nl") == (
        "xfd.xlsx, regel 2: Deze regel loopt tot kolom 16384; de grens is 200 kolommen. Verwijder "
        "lege of overbodige kolommen (ook kolommen met alleen opmaak of een losse waarde ver naar "
        "rechts) en lever opnieuw aan."
    )
    assert "16384" in problem.message("en") and "limit is 200" in problem.message("en")


def test_shared_strings_that_unpack_to_hundreds_of_megabytes_are_not_read():
    data = shared_strings_bomb()
    assert len(data) < 2_000_000
    [problem] = validate_file(data, "strings.xlsx", TODAY).problems
    assert problem.code == "file.xlsx_packed_too_densely"
    assert problem.params["ratio"] > 200
    assert "keer samengeperst" in problem.message("nl")


def test_a_large_part_that_packs_normally_is_refused_by_its_unpacked_size(monkeypatch):
    data = shared_strings_plain(2)
    monkeypatch.setenv("MELDINGEN_MAX_XLSX_PART_MB", "1")
    [problem] = validate_file(data, "strings.xlsx", TODAY).problems
    assert problem.code == "file.xlsx_part_too_large"
    assert problem.params["part"] == "xl/sharedStrings.xml" and problem.params["limit_mb"] == 1.0
    assert "(xl/sharedStrings.xml)" in problem.message("nl")
    monkeypatch.setenv("MELDINGEN_MAX_XLSX_UNPACKED_MB", "1")
    [problem] = validate_file(data, "strings.xlsx", TODAY).problems
    assert problem.code == "file.xlsx_unpacked_too_large"
    assert "grens is 1.0 MB" in problem.message("nl")


def test_a_csv_of_100_000_columns_is_refused_at_its_header():
    result = validate_file(wide_csv(), "wide.csv", TODAY)
    [problem] = result.problems
    assert (problem.code, problem.line, problem.params) == (
        "file.too_many_columns",
        1,
        {"found": 100_000, "limit": 200},
    )


@pytest.mark.parametrize("columnar", ["0", "100000000"])
def test_too_many_cells_are_refused_before_the_rows_are_read(monkeypatch, columnar):
    monkeypatch.setenv("MELDINGEN_COLUMNAR_MIN_BYTES", columnar)
    monkeypatch.setenv("MELDINGEN_MAX_CELLS", "1000")
    rows = "".join("BZK;2024;vertrouwenspersoon;pesten\n" for _ in range(300))
    data = ("departement;jaar;kanaal;categorie\n" + rows).encode()
    [problem] = validate_file(data, "cells.csv", TODAY).problems
    assert (problem.code, problem.params) == ("file.too_many_cells", {"limit": 1000})
    assert "meer dan 1000 cellen" in problem.message("nl")
    # One long line of delimiters counts too, whatever the header's width.
    data = b"departement;jaar;kanaal;categorie\n" + b";" * 2000 + b"\n"
    assert _codes(validate_file(data, "cells.csv", TODAY)) == ["file.too_many_cells"]
    # and an .xlsx, as its rows arrive
    xlsx = _xlsx(_sheet(HEADER_ROW, *[VALID_ROW.replace(b'"2"', b'"%d"' % r) for r in range(300)]))
    assert _codes(validate_file(xlsx, "cells.xlsx", TODAY)) == ["file.too_many_cells"]


def test_the_limits_leave_ordinary_files_alone(monkeypatch):
    monkeypatch.setenv("MELDINGEN_MAX_COLUMNS", "4")
    data = b"departement;jaar;kanaal;categorie\nBZK;2024;vertrouwenspersoon;pesten\n"
    assert validate_file(data, "ok.csv", TODAY).accepted
    assert validate_file(_xlsx(_sheet(HEADER_ROW, VALID_ROW)), "ok.xlsx", TODAY).accepted
    monkeypatch.setenv("MELDINGEN_MAX_COLUMNS", "3")
    assert _codes(validate_file(data, "ok.csv", TODAY)) == ["file.too_many_columns"]


# --- the child with a memory cap -----------------------------------------------------------------


@pytest.fixture
def isolated(monkeypatch):
    """Every file through the child, under a memory cap far below what the bombs used to take."""
    monkeypatch.setenv("MELDINGEN_ISOLATE_MIN_BYTES", "0")
    monkeypatch.setenv("MELDINGEN_VALIDATION_MEMORY_MB", "1024")
    monkeypatch.setenv("MELDINGEN_VALIDATION_SECONDS", "60")
    return monkeypatch


def test_every_bomb_is_refused_with_its_message_under_a_memory_cap(isolated):
    expected = {
        "xfd.xlsx": (column_xfd_bomb(), ["file.too_many_columns"]),
        "strings.xlsx": (shared_strings_bomb(), ["file.xlsx_packed_too_densely"]),
        "wide.csv": (wide_csv(), ["file.too_many_columns"]),
    }
    for name, (data, codes) in expected.items():
        result = validate_untrusted(data, name, TODAY)
        assert _codes(result) == codes, name
        assert all(problem.message("nl") for problem in result.problems)
    result = validate_untrusted(dimension_bomb(), "dimension.xlsx", TODAY)
    assert result.accepted and len(result.records) == 1


def test_the_child_gives_the_same_result_as_this_process(isolated):
    data = b"departement;jaar;kanaal;categorie;aantal\nBZK;2024;vertrouwenspersoon;pesten;2\n"
    here, there = validate_file(data, "a.csv", TODAY), validate_untrusted(data, "a.csv", TODAY)
    assert there.accepted and there.records.equals(here.records)
    bad = data.replace(b";2\n", b";-2\n")
    assert validate_untrusted(bad, "b.csv", TODAY).problems == validate_file(bad, "b.csv").problems


def _memory_hog() -> bytes:
    """Within raised limits, 100,000 columns take the columnar reader gigabytes (issue 17)."""
    return wide_csv()


def _raise_limits(monkeypatch) -> None:
    monkeypatch.setenv("MELDINGEN_MAX_COLUMNS", "1000000")
    monkeypatch.setenv("MELDINGEN_MAX_CELLS", "1000000000")
    monkeypatch.setenv("MELDINGEN_VALIDATION_MEMORY_MB", "700")


def test_a_file_that_exhausts_the_childs_memory_fails_with_a_message(isolated):
    _raise_limits(isolated)
    [problem] = validate_untrusted(_memory_hog(), "wide.csv", TODAY).problems
    assert (problem.code, problem.params) == ("file.resources_exceeded", {"limit_mb": 700})
    assert problem.message("nl").startswith(
        "wide.csv: Het controleren van dit bestand vraagt meer dan 700 MB geheugen"
    )
    # the next file is validated as ever
    assert validate_untrusted(dimension_bomb(), "dimension.xlsx", TODAY).accepted


def test_a_file_that_takes_too_long_fails_with_a_message(isolated):
    isolated.setenv("MELDINGEN_VALIDATION_SECONDS", "0.001")
    [problem] = validate_untrusted(column_xfd_bomb(), "xfd.xlsx", TODAY).problems
    assert problem.code == "file.validation_timeout"
    assert "langer dan 0.001 seconden" in problem.message("nl")


def test_the_child_does_not_run_the_callers_main_script(isolated, tmp_path):
    """Under Streamlit `__main__` is the page script: the child must not run the dashboard."""
    script = tmp_path / "page.py"
    script.write_text("raise SystemExit('the main script ran in the child')\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    isolated.setitem(sys.modules, "__main__", page)
    assert validate_untrusted(dimension_bomb(), "dimension.xlsx", TODAY).accepted


def test_small_csv_files_stay_in_this_process_and_every_xlsx_goes_to_the_child():
    from etl.isolation import needs_isolation

    assert not needs_isolation(b"departement;jaar\n", "a.csv")
    assert needs_isolation(b"departement;jaar\n", "a.xlsx")
    assert needs_isolation(b"PK\x03\x04...", "a.csv")
    assert needs_isolation(b"x" * (1024 * 1024), "a.csv")


# --- the upload path and the command line --------------------------------------------------------


def test_the_upload_review_refuses_each_bomb(tmp_path):
    files = [
        IncomingFile("xfd.xlsx", column_xfd_bomb()),
        IncomingFile("strings.xlsx", shared_strings_bomb(250)),
        IncomingFile("wide.csv", wide_csv()),
    ]
    review = review_files(files, BZK_UPLOADER, tmp_path / "meldingen.duckdb", TODAY)
    assert [(f.file_name, [p.code for p in f.problems]) for f in review.files] == [
        ("xfd.xlsx", ["file.too_many_columns"]),
        ("strings.xlsx", ["file.xlsx_packed_too_densely"]),
        ("wide.csv", ["file.too_many_columns"]),
    ]
    assert not review.ready


def test_etl_load_refuses_a_bomb(tmp_path):
    [outcome] = load_files([IncomingFile("xfd.xlsx", column_xfd_bomb())], tmp_path / "w.duckdb")
    assert outcome.status == "rejected"
    assert [p.code for p in outcome.problems] == ["file.too_many_columns"]


def test_another_request_is_answered_while_a_bomb_is_reviewed(isolated, tmp_path):
    _raise_limits(isolated)
    small = b"departement;jaar;kanaal;categorie\nBZK;2024;vertrouwenspersoon;pesten\n"
    answered: list[float] = []
    review: list = []

    def upload() -> None:
        bomb = IncomingFile("wide.csv", _memory_hog())
        review.append(review_files([bomb], BZK_UPLOADER, tmp_path / "meldingen.duckdb", TODAY))

    uploader = threading.Thread(target=upload)
    uploader.start()
    time.sleep(0.05)  # the child is at work on the bomb
    while uploader.is_alive() and len(answered) < 5:
        started = time.perf_counter()
        assert validate_file(small, "small.csv", TODAY).accepted  # another user's request
        answered.append(time.perf_counter() - started)
    uploader.join()
    assert answered, "the bomb was done before another request could be made"
    assert max(answered) < 1.0
    [checked] = review[0].files
    assert [p.code for p in checked.problems] == ["file.resources_exceeded"]
