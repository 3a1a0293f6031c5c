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


# --- issue 17: nonsense is refused, naming the rule and the line --------------------------------

OK_RULE = '[[rule]]\nemail = "a@minbzk.nl"\nrole = "viewer"\n'


@pytest.mark.parametrize(
    ("rule", "key", "fragment"),
    [
        # departments on a rule that is not an uploader's (silently every department, or none)
        ('email = "b@minbzk.nl"\nrole = "administrator"\ndepartments = ["BZK"]\n',
         "roles.departments_not_uploader", "departments belongs only to"),
        ('email = "b@minbzk.nl"\nrole = "viewer"\ndepartments = ["BZK"]\n',
         "roles.departments_not_uploader", "a viewer gets nothing"),
        # an empty domain would match 'foo@'
        ('email_domain = ""\nrole = "viewer"\n', "roles.empty", "email_domain is empty"),
        ('email_domain = "@"\nrole = "viewer"\n', "roles.empty", "email_domain is empty"),
        # wildcards silently match nobody
        ('email_domain = "*"\nrole = "viewer"\n', "roles.wildcard", "no wildcards"),
        ('email_domain = "*.minbzk.nl"\nrole = "viewer"\n', "roles.wildcard", "no wildcards"),
        ('email = "*@minbzk.nl"\nrole = "viewer"\n', "roles.wildcard", "no wildcards"),
        ('claim = "groups"\nvalue = "*"\nrole = "viewer"\n', "roles.wildcard", "no wildcards"),
        ('email_domain = "minbzk"\nrole = "viewer"\n', "roles.email_domain", "not a domain"),
        ('email_domain = "a.jansen@minbzk.nl"\nrole = "viewer"\n', "roles.email_domain",
         "not a domain"),
        # an e-mail address without '@' (or with two) matches nobody
        ('email = "a.jansen.minbzk.nl"\nrole = "uploader"\ndepartments = ["BZK"]\n',
         "roles.email", "not an e-mail address"),
        ('email = "a@b@minbzk.nl"\nrole = "viewer"\n', "roles.email", "not an e-mail address"),
        ('email = ""\nrole = "viewer"\n', "roles.email", "not an e-mail address"),
        # the e-mail claim would skip email_verified
        ('claim = "email"\nvalue = "a.jansen@minbzk.nl"\nrole = "administrator"\n',
         "roles.email_claim", "skips the email_verified check"),
        ('claim = ""\nvalue = "x"\nrole = "viewer"\n', "roles.empty", "claim is empty"),
        ('claim = "groups"\nvalue = " "\nrole = "viewer"\n', "roles.empty", "value is empty"),
        ('email = "b@minbzk.nl"\nvalue = "x"\nrole = "viewer"\n', "roles.value_without_claim",
         "only to a claim rule"),
        # a misspelt key in a rule, an unknown department, a value that is not text
        ('email = "b@minbzk.nl"\nrol = "viewer"\n', "roles.unknown_key", "unknown key(s) rol"),
        ('email = "b@minbzk.nl"\nrole = "uploader"\ndepartment = ["BZK"]\n',
         "roles.unknown_key", "unknown key(s) department"),
        ('email = "b@minbzk.nl"\nrole = "uploader"\ndepartments = ["BZK", "BZKK"]\n',
         "roles.unknown_department", "unknown department code(s): BZKK"),
        ('email = 5\nrole = "viewer"\n', "roles.not_text", "email must be text"),
    ],
)  # fmt: skip
def test_nonsense_rules_are_refused_naming_rule_and_line(rule, key, fragment):
    # The bad rule is the second: lines 1-3 are a good rule, line 4 is blank, line 5 its header.
    source = OK_RULE + "\n[[rule]]\n" + rule
    with pytest.raises(RoleConfigError) as refused:
        parse_role_config(source, "roles.toml")
    error = refused.value
    assert error.key == key and error.rule == 2
    lines = source.splitlines()
    assert lines[error.line - 1].startswith(
        ("[[rule]]", *(k for k in rule.split() if "=" not in k))
    )
    assert 5 <= error.line <= len(lines)
    assert fragment in str(error)
    assert str(error).startswith(f"roles.toml: rule 2, line {error.line}: ")
    dutch = error.message("nl")
    assert dutch.startswith(f"[[rule]] nr. 2, regel {error.line}: ") and fragment not in dutch


def test_the_line_named_is_the_key_at_fault():
    source = OK_RULE + '\n[[rule]]\nemail = "b@minbzk.nl"\nrole = "viewer"\ndepartments = ["BZK"]\n'
    with pytest.raises(RoleConfigError) as refused:
        parse_role_config(source)
    assert refused.value.line == 8  # the departments line of the second rule
    assert "a.jansen" not in str(refused.value) and "b@minbzk" not in str(refused.value)


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ('[defaults]\nlogged_in = "viewer"\nanonymus = "none"\n', "roles.unknown_default", 3),
        ('[defaults]\nanonymous = "none"\nlogged-in = "none"\n', "roles.unknown_default", 3),
        ('[defaults]\nanonymous = "nobody"\n', "roles.default_value", 2),
        ('[default]\nanonymous = "none"\n', "roles.unknown_section", 1),
        ('[[rules]]\nemail = "a@minbzk.nl"\nrole = "viewer"\n', "roles.unknown_section", 1),
        ('[defaults]\nanonymous = "none"\n[[rule]\n', "roles.not_toml", 3),
    ],
)
def test_defaults_and_sections_are_checked_too(text, key, line):
    with pytest.raises(RoleConfigError) as refused:
        parse_role_config(text, "roles.toml")
    assert refused.value.key == key and refused.value.line == line
    assert f"line {line}" in str(refused.value)


def test_the_shipped_example_is_valid():
    example = roles.Path(__file__).resolve().parents[2] / ".streamlit" / "roles.example.toml"
    config = parse_role_config(example.read_text(encoding="utf-8"), str(example))
    assert len(config.rules) == 4 and config.usable


def closed(config) -> None:
    """Nobody has access, and the configuration says why."""
    assert not config.usable and config.rules == () and config.reason("nl") and config.error
    assert not roles.anonymous_principal(config).can_view
    for claims in ({"email": "a@minbzk.nl"}, {"email": "x@elders.nl"}, {"sub": "1"}):
        principal = principal_from_claims(claims, config)
        assert not principal.can_view and not principal.can_upload
        assert principal.config_error == config.error


GOOD = '[defaults]\nanonymous = "none"\n\n[[rule]]\nemail = "a@minbzk.nl"\nrole = "uploader"\n'


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "does not exist"),
        ("", None),  # unreadable: see below
        (GOOD + 'departments = ["BZKK"]\n', "BZKK"),
        (GOOD + 'departments = ["BZK"]\nemail_domain = ""\n', "exactly one"),
        ('[defaults]\nanonymous = "none"\nlogged_inn = "none"\n', "logged_inn"),
        (b"\xff\xfe[defaults]\n", "cannot be read"),
    ],
)
def test_a_broken_roles_file_gives_nobody_access(tmp_path, monkeypatch, caplog, content, fragment):
    path = tmp_path / "roles.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "":
        path.mkdir()  # a directory: cannot be read as a file
        fragment = "cannot be read"
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv(roles.ROLES_ENV, str(path))
    with caplog.at_level("ERROR", logger="meldingenmonitor.auth"):
        config = roles.role_config()
    closed(config)
    assert fragment in config.error
    assert any("nobody has access" in r.getMessage() for r in caplog.records)  # logged once
    caplog.clear()
    with caplog.at_level("ERROR", logger="meldingenmonitor.auth"):
        roles.role_config()
    assert not caplog.records  # ... not on every page run


def test_an_empty_roles_variable_is_a_mistake_not_unset(monkeypatch):
    monkeypatch.setenv(roles.ROLES_ENV, " ")
    closed(roles.role_config())
    monkeypatch.delenv(roles.ROLES_ENV)
    unset = roles.role_config()
    assert unset.usable and roles.anonymous_principal(unset).can_view  # the documented defaults


def test_a_fixed_file_opens_again_without_restart(tmp_path, monkeypatch):
    path = tmp_path / "roles.toml"
    path.write_text(GOOD + 'departments = ["BZKK"]\n', encoding="utf-8")
    monkeypatch.setenv(roles.ROLES_ENV, str(path))
    closed(roles.role_config())
    path.write_text(GOOD + 'departments = ["BZK"]\n', encoding="utf-8")
    fixed = roles.role_config()
    assert fixed.usable and principal_from_claims({"email": "a@minbzk.nl"}, fixed).can_upload
    assert not roles.anonymous_principal(fixed).can_view  # anonymous = "none" as written
