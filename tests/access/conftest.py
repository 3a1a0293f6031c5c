"""Principals the access and delivery tests act as."""

from __future__ import annotations

from access.principal import ADMINISTRATOR, UPLOADER, VIEWER, Principal, local_principal

BZK_UPLOADER = Principal(
    "a.jansen@minbzk.nl", "A. Jansen", "login", True,
    frozenset({VIEWER, UPLOADER}), frozenset({"BZK"}),
)  # fmt: skip
FIN_UPLOADER = Principal(
    "b.de.vries@minfin.nl", "B. de Vries", "login", True,
    frozenset({VIEWER, UPLOADER}), frozenset({"FIN"}),
)  # fmt: skip
ADMIN = Principal(
    "beheer@minbzk.nl", "Beheer", "login", True, frozenset({VIEWER, ADMINISTRATOR})
)  # fmt: skip
VIEWER_ONLY = Principal("c.kok@minaz.nl", "C. Kok", "login", True, frozenset({VIEWER}))
LOCAL = local_principal()
