"""A release in the URL (?publicatie=ID): the pages show that release's figures with its name and
date; without it the figures are marked provisional. Expected by hand
(tests/app/fixtures/small/README.md): discrimination 2022 = 33 in the release; 45 now, after the
replacement and the late delivery of tests/publication/test_releases.py."""

from __future__ import annotations

import datetime as dt

import pytest

from publication import releases
from tests.app.conftest import SMALL, build_warehouse
from tests.publication.test_releases import replace_and_deliver_late

METRIC = "Meldingen discriminatie en racisme 2022"


@pytest.fixture(scope="module")
def released_db(tmp_path_factory):
    db = build_warehouse(SMALL, tmp_path_factory.mktemp("released") / "r.duckdb")
    releases.create(db, "Jaarrapportage 2022", date=dt.date(2023, 3, 31), release_id="2022-1")
    replace_and_deliver_late(db)
    return db


def test_a_release_link_opens_the_release(app, released_db):
    at = app(released_db, params={"publicatie": "2022-1"})
    assert not at.exception
    assert {m.label: m.value for m in at.metric}[METRIC] == "33"
    banner = " ".join(i.value for i in at.info)
    assert "Jaarrapportage 2022 (2022-1), vastgesteld 31-03-2023" in banner


def test_without_a_release_the_figures_of_now_are_provisional(app, released_db):
    at = app(released_db)
    assert not at.exception
    assert {m.label: m.value for m in at.metric}[METRIC] == "45"
    assert any("Voorlopige cijfers" in c.value for c in at.caption)


def test_an_unknown_release_says_so(app, released_db):
    at = app(released_db, params={"publicatie": "9999-9"})
    assert not at.exception
    assert any("Er is geen publicatie 9999-9" in e.value for e in at.error)


def test_the_publicaties_page_lists_releases_and_revisions(app, released_db):
    at = app(released_db, page="app_pages/publicaties.py")
    assert not at.exception
    listed = " ".join(m.value for m in at.markdown)
    assert "Jaarrapportage 2022 (2022-1), vastgesteld 31-03-2023" in listed
    assert "?publicatie=2022-1" in listed
    revisions = at.dataframe[0].value
    # in words on the page (the download keeps shown.csv's codes): the 2022 discrimination total
    total = revisions[
        (revisions["Soort getal"] == "aantal meldingen")
        & (revisions["Jaar"] == "2022")
        & (revisions["Welke"] == "Betreft discriminatie: ja;deels")
    ]
    assert total[["Was", "Wordt"]].values.tolist() == [["33", "45"]]
    assert set(total["Door aanlevering(en)"].iloc[0].split("; ")) == {"S000006", "S000007"}
    # create and withdraw: administrators only; without a login the local user administers
    # (app/auth.py, local mode)
    assert len(at.get("form")) == 2


@pytest.mark.parametrize(
    "page", ["app_pages/export.py", "app_pages/trends.py", "app_pages/dekking.py"]
)
def test_other_pages_follow_the_release_in_the_url(app, released_db, page):
    at = app(released_db, page=page, params={"publicatie": "2022-1"})
    assert not at.exception and not at.error, [e.value for e in at.error]
    banner = " ".join(i.value for i in at.info)
    assert "Jaarrapportage 2022 (2022-1), vastgesteld 31-03-2023" in banner
