"""load_files(reviewed=...): a file is stored with the validation result its caller already has,
matched by the sha256 of its bytes, and validated as before when there is none for those bytes."""

from __future__ import annotations

from etl import loading
from etl.loading import IncomingFile, load_files
from etl.validation import validate_file

HEADER = "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"


def _csv(name: str, *rows: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + "".join(f"{row}\n" for row in rows)).encode())


def _counting(monkeypatch) -> list[str]:
    calls: list[str] = []

    def counting(data, file_name, today=None):
        calls.append(file_name)
        return validate_file(data, file_name, today)

    monkeypatch.setattr(loading, "validate_file", counting)
    return calls


def test_a_reviewed_result_is_stored_without_validating_again(db_path, monkeypatch):
    file = _csv("BZK_2023.csv", "BZK,2023,vertrouwenspersoon,racisme,ja,4")
    result = validate_file(file.content, file.file_name)
    calls = _counting(monkeypatch)
    [outcome] = load_files([file], db_path, loaded_by="t", reviewed={file.sha256: result})
    assert outcome.status == "loaded" and (outcome.rows, outcome.reports) == (1, 4)
    assert calls == []


def test_other_bytes_than_the_reviewed_ones_are_validated(db_path, monkeypatch):
    reviewed = _csv("BZK_2023.csv", "BZK,2023,vertrouwenspersoon,racisme,ja,4")
    changed = _csv("BZK_2023.csv", "BZK,2023,vertrouwenspersoon,racisme,ja,-4")
    result = validate_file(reviewed.content, reviewed.file_name)
    calls = _counting(monkeypatch)
    [outcome] = load_files([changed], db_path, loaded_by="t", reviewed={reviewed.sha256: result})
    assert outcome.status == "rejected"  # the review of other bytes is not used for these
    assert [p.code for p in outcome.problems] == ["value.count_negative"]
    assert calls == ["BZK_2023.csv"]
