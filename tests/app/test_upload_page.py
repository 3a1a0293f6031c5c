"""AppTest of the 'Aanleveren' page: valid, invalid, replace, identical, implausible, conflict, roles."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from access.roles import ROLES_ENV
from etl.loading import IncomingFile, load_files
from tests.app.login import AUTH_SECRETS
from tests.app.test_one_language import foreign_words
from tests.delivery.conftest import (
    BZK_2022_CORRECTED,
    BZK_2023,
    FIN_2023,
    HEADER,
    REPO,
    build_small,
    fresh_copy,
    query,
)
from tests.etl.conftest import file_fingerprint

PAGE = "app_pages/aanleveren.py"
ROLES = """
[defaults]
logged_in = "viewer"
anonymous = "viewer"

[[rule]]
email = "a.jansen@minbzk.nl"
role = "uploader"
departments = ["BZK"]
"""


@pytest.fixture(scope="module")
def upload_template(tmp_path_factory) -> Path:
    return build_small(tmp_path_factory.mktemp("upload-page") / "small.duckdb")


@pytest.fixture
def db(upload_template, tmp_path) -> Path:
    """A fresh copy of the small warehouse (BZK and FIN, 2021 and 2022, S000001..S000005)."""
    return fresh_copy(upload_template, tmp_path)


@pytest.fixture
def page(monkeypatch, db):
    """page(user=None) -> an AppTest on the upload page; user=None is local mode."""

    def start(
        user: dict | None = None, roles: str = ROLES, switch: bool = True, lang: str = "nl"
    ) -> AppTest:
        monkeypatch.setenv("MELDINGEN_DB", str(db))
        monkeypatch.setenv("MELDINGEN_DEMO", "0")
        monkeypatch.delenv("MELDINGEN_AUDIT_JOURNAL", raising=False)
        st.cache_data.clear()
        at = AppTest.from_file("../../dashboard.py", default_timeout=120)
        if user is not None:
            roles_file = db.parent / "roles.toml"
            roles_file.write_text(roles, encoding="utf-8")
            monkeypatch.setenv(ROLES_ENV, str(roles_file))
            at.secrets = AUTH_SECRETS
            at.user = user
        if lang != "nl":
            at.query_params["taal"] = lang
        at.run()
        if switch:
            at.switch_page(PAGE)
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    yield start
    st.cache_data.clear()


def choose(at: AppTest, *files: IncomingFile) -> AppTest:
    at.file_uploader[0].set_value([(f.file_name, f.content, "text/csv") for f in files]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(element.value) for element in getattr(at, kind))


def test_local_mode_says_so_and_acts_as_administrator(page):
    at = page()
    assert at.title[0].value == "Aanleveren"
    assert "Lokale modus" in texts(at, "info") and "lokaal (" in texts(at, "info")
    assert "(beheerder)" in texts(at, "caption")  # the sidebar
    assert at.file_uploader[0].accept_multiple_files


def test_valid_file_preview_then_commit_with_receipt(page, db):
    at = choose(page(), BZK_2022_CORRECTED)
    assert "voldoet aan het gegevenscontract (3 regels, 28 meldingen)" in texts(at, "success")
    per_channel = at.dataframe[0].value
    assert list(per_channel.columns) == [
        "Departement", "Jaar", "Kanaal", "Nieuw", "Nu", "Vorig jaar",
    ]  # fmt: skip
    assert per_channel.to_dict("records")[1] == {
        "Departement": "BZK", "Jaar": "2022", "Kanaal": "Vertrouwenspersoon",
        "Nieuw": "9", "Nu": "8", "Vorig jaar": "6",
    }  # fmt: skip
    replaced = at.dataframe[2].value
    assert set(replaced["Aanlevering"]) == {"S000002"}
    before = file_fingerprint(db)
    assert file_fingerprint(db) == before  # nothing stored before 'Vastleggen'
    at.button(key="upload_commit").click().run()
    receipt = texts(at, "success")
    assert "vastgelegd als **S000006**" in receipt
    assert BZK_2022_CORRECTED.sha256 in receipt
    assert "Vervangt S000002" in receipt and "lokaal (" in receipt
    totals = at.dataframe[0].value
    assert list(totals["Meldingen"]) == ["19", "9"]
    assert at.file_uploader[0].value in (None, [])  # a fresh chooser for the next file
    history = at.dataframe[1].value
    assert list(history["Aanlevering"])[:2] == ["S000006", "S000005"]
    assert query(db, "SELECT count(*) FROM submission") == [(6,)]


def test_invalid_file_lists_errors_and_offers_a_report(page, db):
    bad = IncomingFile(
        "BZK_2023_fout.csv", (HEADER + "BZK,2023,vertrouwenspersoon,racisme,ja,<5\n").encode()
    )
    before = file_fingerprint(db)
    at = choose(page(), bad)
    assert "wordt afgewezen: 1 fout(en)" in texts(at, "error")
    assert "BZK_2023_fout.csv, regel 2, kolom 6 (F) 'aantal'" in texts(at, "markdown")
    assert [b.label for b in at.get("download_button")][0] == "Foutenrapport downloaden (CSV)"
    assert not [b for b in at.button if b.key == "upload_commit"]
    assert file_fingerprint(db) == before


def test_identical_file_changes_nothing(page, db):
    original = IncomingFile(
        "BZK_2022.csv", (REPO / "tests/app/fixtures/small/BZK_2022.csv").read_bytes()
    )
    at = choose(page(), original)
    assert "is precies zo al vastgelegd (S000002)" in texts(at, "info")
    before = file_fingerprint(db)
    at.button(key="upload_commit").click().run()
    assert "was al precies zo vastgelegd als **S000002**" in texts(at, "info")
    assert file_fingerprint(db) == before


def test_implausible_jump_needs_confirmation_and_reason(page, db):
    tenfold = IncomingFile(
        "BZK_2022_x10.csv",
        (
            HEADER + "BZK,2022,vertrouwenspersoon,racisme,ja,80\n"
            "BZK,2022,integriteitscoordinator,discriminatie,ja,7\n"
            "BZK,2022,integriteitscoordinator,pesten,nee,12\n"
        ).encode(),
    )
    at = choose(page(), tenfold)
    assert "80 tegen 8 nu geladen" in texts(at, "warning")
    at.button(key="upload_commit").click().run()
    assert "Bevestig de opvallende sprong" in texts(at, "warning")
    assert query(db, "SELECT count(*) FROM submission") == [(5,)]
    at.checkbox(key="upload_jump_confirm").check()
    at.text_area(key="upload_jump_reason").input("Nieuw meldpunt geopend")
    at.button(key="upload_commit").click().run()
    assert "vastgelegd als **S000006**" in texts(at, "success")
    assert "Toelichting: Sprong bevestigd: Nieuw meldpunt geopend" in texts(at, "success")
    assert query(db, "SELECT note FROM submission WHERE submission_id = 'S000006'") == [
        ("Sprong bevestigd: Nieuw meldpunt geopend",)
    ]


def test_conflict_when_someone_else_commits_meanwhile(page, db):
    at = choose(page(), BZK_2022_CORRECTED)
    # Another user commits a correction for BZK 2022 between this review and 'Vastleggen'.
    other = IncomingFile(
        "BZK_2022_collega.csv", (HEADER + "BZK,2022,vertrouwenspersoon,racisme,ja,11\n").encode()
    )
    [outcome] = load_files([other], db, loaded_by="collega")
    assert outcome.submission_id == "S000006"
    at.button(key="upload_commit").click().run()
    assert "Versieconflict" in texts(at, "warning")
    assert "BZK 2022 vertrouwenspersoon" in texts(at, "warning")
    assert query(db, "SELECT count(*) FROM submission") == [(6,)]
    at.button(key="upload_review_again").click().run()
    replaced = at.dataframe[2].value
    assert set(replaced["Aanlevering"]) == {"S000002", "S000006"}
    at.button(key="upload_commit").click().run()
    assert "vastgelegd als **S000007**" in texts(at, "success")
    assert query(
        db,
        "SELECT submission_id FROM v_current_scope WHERE department = 'BZK' "
        "AND year = 2022 AND file_kind = 'meldingen' GROUP BY ALL",
    ) == [("S000007",)]


def test_logged_in_uploader_for_own_department_only(page, db):
    user = {"is_logged_in": True, "email": "a.jansen@minbzk.nl", "name": "A. Jansen"}
    at = page(user)
    assert at.title[0].value == "Aanleveren"
    assert "U mag aanleveren voor: BZK" in texts(at, "caption")
    assert "Lokale modus" not in texts(at, "info")
    assert [b.label for b in at.sidebar.button] == ["Uitloggen"]
    choose(at, FIN_2023)
    assert "U mag niet aanleveren voor FIN" in texts(at, "error")
    assert not at.dataframe or "Nieuw" not in at.dataframe[0].value.columns  # no FIN figures
    assert at.selectbox(key="upload_history").options == ["BZK"]
    choose(at, BZK_2023)
    at.button(key="upload_commit").click().run()
    assert "vastgelegd als **S000006**" in texts(at, "success")
    assert query(db, "SELECT loaded_by FROM submission WHERE submission_id = 'S000006'") == [
        ("a.jansen@minbzk.nl",)
    ]


def test_rights_are_checked_again_when_committing(page, db):
    user = {"is_logged_in": True, "email": "a.jansen@minbzk.nl"}
    at = choose(page(user), BZK_2023)
    # The administrator withdraws the right between the review and 'Vastleggen'.
    (db.parent / "roles.toml").write_text('[defaults]\nlogged_in = "viewer"\n', encoding="utf-8")
    at.button(key="upload_commit").click().run()
    assert query(db, "SELECT count(*) FROM submission") == [(5,)]
    # The page is gone from the navigation: the click runs the overview, and nothing is stored.
    assert at.title[0].value == "Overzicht"


def test_viewer_and_anonymous_get_no_upload_page(page):
    for user in ({"is_logged_in": True, "email": "c.kok@minaz.nl"}, {"is_logged_in": False}):
        at = page(user, switch=False)
        assert at.title[0].value == "Overzicht"
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(PAGE)  # not in this user's navigation at all
        label = "Uitloggen" if user["is_logged_in"] else "Inloggen"
        assert [b.label for b in at.sidebar.button] == [label]


def test_login_required_when_anonymous_visitors_may_see_nothing(page):
    closed = '[defaults]\nanonymous = "none"\nlogged_in = "none"\n'
    at = page({"is_logged_in": False}, roles=closed, switch=False)
    assert at.title[0].value == "Inloggen"
    assert "Log in om de Meldingenmonitor Rijk te gebruiken." in texts(at, "info")
    assert not at.dataframe and not at.metric
    unknown = page({"is_logged_in": True, "email": "x@elders.nl"}, roles=closed, switch=False)
    assert "geen toegang" in texts(unknown, "error")


# --- measures ('maatregelen') -------------------------------------------------------------------
# tests/etl/fixtures/good/maatregelen.csv, by hand: 7 rows; kinds training, vertrouwenspersonen,
# voorlichting (BZK) and training (2 + 1 = 3), vertrouwenspersonen, campagne (FIN): 4 kinds; BZK
# and FIN, 2022. The small warehouse holds no measures, so 'now' and 'last year' are '–'.
MEASURES = REPO / "tests/etl/fixtures/good/maatregelen.csv"
MEASURES_BAD = REPO / "tests/etl/fixtures/bad/maatregelen_soort_unknown.csv"


def on_screen(at: AppTest) -> list[str]:
    """The page's texts and tables (headers and cells), for the one-language check."""
    found = [texts(at, kind) for kind in ("success", "info", "warning", "caption", "markdown")]
    for frame in (d.value for d in at.dataframe):
        found += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    return found


def frame_with(at: AppTest, column: str):
    """The first dataframe on the page with this column."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


MEASURES_WORDS = {
    "nl": {
        "ok": "voldoet aan het gegevenscontract (maatregelenbestand: 7 regels, 4 soorten "
        "maatregel; BZK, FIN, 2022)",
        "columns": ["Departement", "Jaar", "Soort maatregel", "Nieuw", "Nu", "Vorig jaar"],
        "kinds": ["Training", "Voorlichting", "Vertrouwenspersonen (eind van het jaar)",
                  "Training", "Campagne", "Vertrouwenspersonen (eind van het jaar)"],
        "reports": "0 meldingen",
        "receipt": "vastgelegd als **S000006**: 7 regels maatregelen",
        "new_scope": "Vervangt niets (nieuw: BZK 2022 maatregelen, FIN 2022 maatregelen)",
        "kind": "Soort maatregel",
        "participants": "Deelnemers",
        "organisation": "Organisatie",
        "rejected": "wordt afgewezen: 1 fout(en)",
        "where": "maatregelen_soort_unknown.csv, regel 3, kolom 3 (C) 'soort'",
        "what": "Onbekende soort maatregel",
    },
    "en": {
        "ok": "meets the data contract (measures file: 7 rows, 4 kinds of measure; BZK, FIN, "
        "2022)",
        "columns": ["Department", "Year", "Kind of measure", "New", "Now", "Last year"],
        "kinds": ["Training", "Information session", "Confidential advisers (end of year)",
                  "Training", "Campaign", "Confidential advisers (end of year)"],
        "reports": "0 reports",
        "receipt": "committed as **S000006**: 7 rows of measures",
        "new_scope": "Replaces nothing (new: BZK 2022 measures, FIN 2022 measures)",
        "kind": "Kind of measure",
        "participants": "Participants",
        "organisation": "Organisation",
        "rejected": "is rejected: 1 problem(s)",
        "where": "maatregelen_soort_unknown.csv, line 3, column 3 (C) 'soort'",
        "what": "Unknown kind of measure",
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_measures_file_reviewed_committed_and_receipted(page, db, lang):
    words = MEASURES_WORDS[lang]
    at = choose(page(lang=lang), IncomingFile("maatregelen.csv", MEASURES.read_bytes()))
    success = texts(at, "success")
    assert words["ok"] in success
    assert words["reports"] not in success
    table = frame_with(at, words["kind"])
    assert list(table.columns) == words["columns"]
    assert list(table[words["kind"]]) == words["kinds"]
    assert list(table.iloc[:, 0]) == ["BZK"] * 3 + ["FIN"] * 3
    assert list(table.iloc[:, 3]) == ["4", "2", "12", "3", "0", "20"]  # new
    assert set(table.iloc[:, 4]) == set(table.iloc[:, 5]) == {"–"}  # nothing now, nor in 2021
    rows = frame_with(at, words["participants"])  # per row, raw (the uploader's own file)
    fin_training = rows[(rows.iloc[:, 1] == "FIN") & (rows[words["kind"]] == "Training")]
    assert list(fin_training[words["organisation"]]) == ["Belastingdienst", "Kernministerie"]
    assert list(fin_training[words["participants"]]) == ["30", "14"]
    assert list(rows[words["participants"]])[:3] == ["60", "", ""]  # BZK: only training known
    assert foreign_words(on_screen(at), lang) == []

    before = file_fingerprint(db)
    assert file_fingerprint(db) == before  # nothing stored before the commit
    at.button(key="upload_commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    receipt = texts(at, "success")
    assert words["receipt"] in receipt and words["new_scope"] in receipt
    assert words["reports"] not in receipt
    assert foreign_words(on_screen(at), lang) == []
    assert query(db, "SELECT count(*), sum(activities) FROM v_measures") == [(7, 41)]
    assert query(db, "SELECT count(*) FROM v_reports WHERE submission_id = 'S000006'") == [(0,)]


def test_a_second_measures_file_is_compared_with_the_first(page, db):
    """BZK's training 4 -> 5: 'now' is the committed 4; the measures file in force is replaced."""
    load_files([IncomingFile("maatregelen.csv", MEASURES.read_bytes())], db, loaded_by="t")
    corrected = MEASURES.read_text(encoding="utf-8").replace(
        "BZK,2022,training,4,60,", "BZK,2022,training,5,60,"
    )
    at = choose(page(), IncomingFile("maatregelen_v2.csv", corrected.encode()))
    table = frame_with(at, "Soort maatregel")
    assert table.iloc[0].tolist() == ["BZK", "2022", "Training", "5", "4", "–"]
    assert table.iloc[2].tolist() == [
        "BZK", "2022", "Vertrouwenspersonen (eind van het jaar)", "12", "12", "–",
    ]  # fmt: skip
    replaced = frame_with(at, "Kanaal")
    assert set(replaced["Aanlevering"]) == {"S000006"}
    assert set(replaced["Kanaal"]) == {"Maatregelen"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bad_measures_file_names_line_and_column(page, db, lang):
    words = MEASURES_WORDS[lang]
    before = file_fingerprint(db)
    bad = IncomingFile(MEASURES_BAD.name, MEASURES_BAD.read_bytes())
    at = choose(page(lang=lang), bad)
    assert words["rejected"] in texts(at, "error")
    problems = texts(at, "markdown")
    assert words["where"] in problems and words["what"] in problems
    assert not [b for b in at.button if b.key == "upload_commit"]
    assert file_fingerprint(db) == before
