"""Roles file and claims to rights (access/roles.py)."""

from __future__ import annotations

import pytest

from access import roles
from access.principal import UPLOADER, VIEWER
from access.roles import RoleConfigError, parse_role_config, principal_from_claims

ROLES = """
[defaults]
logged_in = "viewer"
anonymous = "none"

[[rule]]
email = "A.Jansen@MinBZK.nl"
role = "uploader"
departments = ["BZK"]

[[rule]]
claim = "groups"
value = "meldingen-fin-aanleveraars"
role = "uploader"
departments = ["FIN", "bzk"]

[[rule]]
claim = "groups"
value = "meldingen-beheer"
role = "administrator"

[[rule]]
email_domain = "minaz.nl"
role = "viewer"
"""


def config():
    return parse_role_config(ROLES, "roles.toml")


def test_email_rule_matches_case_insensitively():
    principal = principal_from_claims({"email": "a.jansen@minbzk.nl", "sub": "1"}, config())
    assert principal.identity == "a.jansen@minbzk.nl"
    assert principal.roles == {VIEWER, UPLOADER}
    assert principal.departments == {"BZK"}
    assert principal.can_upload and principal.may_act_for("BZK")
    assert not principal.may_act_for("FIN")


def test_group_claim_grants_the_union_of_matching_rules():
    claims = {"email": "a.jansen@minbzk.nl", "groups": ["x", "meldingen-fin-aanleveraars"]}
    principal = principal_from_claims(claims, config())
    assert principal.departments == {"BZK", "FIN"}
    admin = principal_from_claims({"sub": "9", "groups": "meldingen-beheer"}, config())
    assert admin.is_administrator and admin.identity == "sub:9"
    assert admin.may_act_for("OCW")


def test_unverified_email_is_not_trusted():
    claims = {"email": "a.jansen@minbzk.nl", "email_verified": False, "sub": "x"}
    principal = principal_from_claims(claims, config())
    assert not principal.can_upload
    assert principal.roles == {VIEWER}  # the default for a logged-in user


def test_defaults_decide_for_unknown_and_anonymous_users():
    strict = parse_role_config('[defaults]\nlogged_in = "none"\nanonymous = "none"\n')
    assert not principal_from_claims({"email": "x@y.nl"}, strict).can_view
    assert not roles.anonymous_principal(strict).can_view
    assert roles.anonymous_principal(parse_role_config("")).roles == {VIEWER}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[[rule]]\nemail = "a@b.nl"\nrole = "uploader"\n', "needs departments"),
        ('[[rule]]\nemail = "a@b.nl"\nrole = "boss"\n', "role must be"),
        ('[[rule]]\nemail = "a@b.nl"\nrole = "uploader"\ndepartments = ["XYZ"]\n', "XYZ"),
        ('[[rule]]\nemail = "a@b.nl"\nrole = "uploader"\ndepartments = ["DEF"]\n', "DEF"),
        ('[[rule]]\nclaim = "groups"\nrole = "viewer"\n', "needs a value"),
        ('[[rule]]\nemail = "a@b.nl"\nclaim = "g"\nvalue = "v"\nrole = "viewer"\n', "exactly one"),
        ('[defaults]\nanonymous = "administrator"\n', "anonymous"),
        ("[[rule]\n", "not valid TOML"),
    ],
)
def test_a_broken_roles_file_is_refused_with_a_reason(text, fragment):
    with pytest.raises(RoleConfigError, match=fragment):
        parse_role_config(text, "roles.toml")


def test_unusable_or_missing_roles_file_fails_closed(tmp_path, monkeypatch):
    monkeypatch.delenv(roles.ROLES_ENV, raising=False)
    assert roles.role_config().rules == () and roles.role_config().error
    broken = tmp_path / "roles.toml"
    broken.write_text('[[rule]]\nemail = "a@b.nl"\nrole = "uploader"\n', encoding="utf-8")
    monkeypatch.setenv(roles.ROLES_ENV, str(broken))
    unusable = roles.role_config()
    assert unusable.rules == () and "needs departments" in unusable.error
    assert not principal_from_claims({"email": "a@b.nl"}, unusable).can_upload
    # A corrected file is picked up without a restart.
    broken.write_text(
        '[[rule]]\nemail = "a@b.nl"\nrole = "uploader"\ndepartments = ["BZK", "FIN"]\n',
        encoding="utf-8",
    )
    assert principal_from_claims({"email": "a@b.nl"}, roles.role_config()).departments == {
        "BZK",
        "FIN",
    }
