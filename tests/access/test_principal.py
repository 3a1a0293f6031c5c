"""The server-side checks and the local principal (access/principal.py)."""

from __future__ import annotations

import pytest

from access.principal import (
    ADMINISTRATOR,
    MODE_LOCAL,
    AccessDenied,
    require_department,
    require_upload,
)
from tests.access.conftest import ADMIN, BZK_UPLOADER, LOCAL, VIEWER_ONLY


def test_server_side_checks():
    require_upload(BZK_UPLOADER, ["BZK"])
    with pytest.raises(AccessDenied) as refused:
        require_upload(BZK_UPLOADER, ["BZK", "FIN"])
    assert refused.value.departments == ["FIN"]
    with pytest.raises(AccessDenied):
        require_upload(VIEWER_ONLY, ["AZ"])
    require_upload(ADMIN, ["OCW", "FIN"])
    require_department(BZK_UPLOADER, ["BZK"])
    with pytest.raises(AccessDenied):
        require_department(BZK_UPLOADER, ["FIN"])
    with pytest.raises(AccessDenied):
        require_department(VIEWER_ONLY, ["AZ"])
    with pytest.raises(AccessDenied):
        require_department(BZK_UPLOADER, [])


def test_local_user_is_the_administrator_and_says_so():
    assert LOCAL.mode == MODE_LOCAL
    assert LOCAL.identity.startswith("lokaal (") and "@" in LOCAL.identity
    assert ADMINISTRATOR in LOCAL.roles and LOCAL.may_act_for("BZK")
