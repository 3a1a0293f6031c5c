"""Every text key the product uses exists in Dutch and English, with the same {placeholders}.

The keys are found in the product's source with `ast`, not by running it: literal keys passed to
the text functions and to the problem constructors whose codes are keys, and keys built at run
time (f-strings, '+', a key passed on through a variable or a `words[...]` lookup). A placeholder
of a built key is enumerated from the source where it can be (a loop over a literal tuple, a local
variable, a vocabulary constant of the product); otherwise the built key must be listed in
DYNAMIC_KEYS or FORWARDED below with the product vocabulary it ranges over. A new way of building
a key therefore fails this test until someone says how to enumerate it.
"""

from __future__ import annotations

import ast
import functools
import importlib
import re
import string
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from base.texts import LANGUAGES, TEXTS

REPO = Path(__file__).resolve().parents[2]
PRODUCT_PACKAGES = (
    "base",
    "etl",
    "analysis",
    "protection",
    "access",
    "publication",
    "delivery",
    "presentation",
    "briefing",
    "app",
    "app_pages",
)
ENTRY_SCRIPT = "dashboard.py"
TRANSLATION_TABLE = "base/texts"
# Modules this test may import to read a vocabulary; app/ and app_pages/ would start Streamlit.
IMPORTABLE_PACKAGES = {
    "base",
    "etl",
    "analysis",
    "protection",
    "access",
    "publication",
    "delivery",
    "presentation",
    "briefing",
}

# Functions whose argument at this position (or keyword 'key') is a text key.
KEY_FUNCTIONS: dict[str, int] = {
    "text": 0,  # base.texts.text
    "base_text": 0,  # base.texts.text imported under another name
    "translate": 0,  # idem (analysis)
    "t": 0,  # app.web.t: text in the session's language
    "tx": 0,  # the upload page's text helper
    "protection_text": 0,  # protection.display: a text with the protection rules filled in
    "series_summary": 3,  # presentation.views: the key of the summary sentence
    "_series_sentence": 3,  # briefing.content: idem
}
# Callables taking a problem code (at this position, or keyword 'code') that becomes the text key
# prefix + code.
CODE_CONSTRUCTORS: dict[str, tuple[str, int]] = {
    "Problem": ("", 0),  # etl.problems.Problem.message: text(self.code)
    "add_cells": ("", 0),  # etl.validation._Collector.add_cells -> _Found -> Problem(batch.code)
    "_Found": ("", 0),
    "_vocabulary_values": ("", 4),  # etl.validation: the code of an unknown word -> add_cells
    "CaptureTableError": ("mse.table_error.", 0),  # analysis.mse.CaptureTableError.message
    "RoleConfigError": ("", 0),  # access.roles.RoleConfigError.message: text(self.key)
    "refused": ("", 0),  # access.roles._rule's helper -> RoleConfigError(key)
}
# Objects whose `name[...]` lookups are text keys: analysis.cli._Words('mse.cli').
KEY_SUBSCRIPTS: dict[tuple[str, str], str] = {("analysis/cli.py", "words"): "mse.cli"}


# --- the product's source ---------------------------------------------------------------------


def product_files() -> list[Path]:
    files = [REPO / ENTRY_SCRIPT]
    for package in PRODUCT_PACKAGES:
        if (REPO / package).is_dir():
            files += sorted((REPO / package).rglob("*.py"))
    return [
        f for f in files if not f.relative_to(REPO).as_posix().startswith(TRANSLATION_TABLE + "/")
    ]


@functools.cache
def parsed(relative: str) -> ast.Module:
    tree = ast.parse((REPO / relative).read_text(encoding="utf-8"), filename=relative)
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent = node  # type: ignore[attr-defined]
    return tree


def parent(node: ast.AST) -> ast.AST | None:
    return getattr(node, "parent", None)


def enclosing_function(node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    up = parent(node)
    while up is not None and not isinstance(up, ast.FunctionDef | ast.AsyncFunctionDef):
        up = parent(up)
    return up


def callee_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def argument(call: ast.Call, position: int, keywords: tuple[str, ...]) -> ast.expr | None:
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg in keywords), None)


def string_literals(relative: str, *, callee: str, position: int, keyword: str) -> set[str]:
    """String literals passed to every call of `callee` (at `position` or as `keyword`)."""
    found = set()
    for node in ast.walk(parsed(relative)):
        if isinstance(node, ast.Call) and callee_name(node) == callee:
            value = argument(node, position, (keyword,))
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(value.value)
    return found


def literals_collected_in(relative: str, names: tuple[str, ...]) -> set[str]:
    """The string literals appended to, or assigned to, a variable named in `names`."""
    found = set()
    for node in ast.walk(parsed(relative)):
        values: list[ast.expr] = []
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "append"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in names
        ):
            values = list(node.args)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in names for t in node.targets
        ):
            values = [node.value]
        for value in values:
            found |= {
                c.value
                for c in ast.walk(value)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            }
    return found


# --- the key forms found at a call -----------------------------------------------------------


@dataclass(frozen=True)
class Site:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Found:
    static: dict[str, list[Site]] = field(default_factory=dict)  # key -> where
    patterns: dict[str, list[Site]] = field(default_factory=dict)  # template -> where
    forwarded: dict[tuple[str, str], list[Site]] = field(default_factory=dict)  # (path, expr)
    passed_on: list[tuple[Site, str]] = field(default_factory=list)  # wrapper parameters
    code_keys: set[str] = field(default_factory=set)  # keys of problem codes (Problem, ...)
    literals: set[str] = field(default_factory=set)  # every string literal of the product


class Unresolved(Exception):
    pass


class Resolver:
    """Turns the expression of a key into the keys it can be, or a template of what it builds."""

    def __init__(self, path: str):
        self.path = path
        self.tree = parsed(path)

    def values(self, node: ast.expr, depth: int = 0) -> set[str]:
        """Every string `node` can be, from the source alone; Unresolved when not known."""
        if depth > 6:
            raise Unresolved
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return self.values(node.body, depth + 1) | self.values(node.orelse, depth + 1)
        if isinstance(node, ast.JoinedStr | ast.BinOp):
            parts = self.parts(node)
            out = {""}
            for part in parts:
                options = {part} if isinstance(part, str) else self.values(part, depth + 1)
                out = {o + p for o in out for p in options}
            return out
        if isinstance(node, ast.Name):
            return self.name_values(node, depth)
        raise Unresolved

    def parts(self, node: ast.expr) -> list[str | ast.expr]:
        """The literal and computed pieces of an f-string or a '+' of strings."""
        if isinstance(node, ast.JoinedStr):
            out: list[str | ast.expr] = []
            for value in node.values:
                if isinstance(value, ast.Constant):
                    out.append(str(value.value))
                elif isinstance(value, ast.FormattedValue):
                    if value.format_spec is not None or value.conversion != -1:
                        raise Unresolved
                    out.append(value.value)
            return out
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.parts(node.left) + self.parts(node.right)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        return [node]

    def template(self, node: ast.expr) -> str:
        """'coverage.{row.status}': the pieces that could not be enumerated shown as {expr}."""
        out = []
        for part in self.parts(node):
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                options = self.values(part)
            except Unresolved:
                out.append("{" + ast.unparse(part) + "}")
                continue
            if len(options) != 1:  # several values inside a larger unknown: keep it unresolved
                out.append("{" + ast.unparse(part) + "}")
            else:
                out.append(next(iter(options)))
        return "".join(out)

    def name_values(self, name: ast.Name, depth: int) -> set[str]:
        # A loop or comprehension variable over a literal sequence or a vocabulary constant.
        node: ast.AST | None = name
        while (node := parent(node)) is not None:
            loops: list[tuple[ast.expr, ast.expr]] = []
            if isinstance(node, ast.For):
                loops = [(node.target, node.iter)]
            elif isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
                loops = [(g.target, g.iter) for g in node.generators]
            for target, iterable in loops:
                if isinstance(target, ast.Name) and target.id == name.id:
                    return self.sequence_values(iterable, depth)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                break
        function = enclosing_function(name)
        scope: ast.AST = function if function is not None else self.tree
        if function is not None:
            arguments = function.args
            every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
            if any(a.arg == name.id for a in every):
                raise Unresolved
        assigned = local_assignments(scope, name.id)
        if len(assigned) == 1:
            return self.values(assigned[0], depth + 1)
        constant = self.imported_constant(name.id)
        if isinstance(constant, str):
            return {constant}
        raise Unresolved

    def sequence_values(self, iterable: ast.expr, depth: int) -> set[str]:
        if isinstance(iterable, ast.Tuple | ast.List | ast.Set):
            out: set[str] = set()
            for element in iterable.elts:
                out |= self.values(element, depth + 1)
            return out
        if isinstance(iterable, ast.Name):
            constant = self.imported_constant(iterable.id)
            if isinstance(constant, tuple | list | frozenset | set) and all(
                isinstance(v, str) for v in constant
            ):
                return set(constant)
        raise Unresolved

    def imported_constant(self, name: str) -> object:
        """The value of `name` imported (anywhere in the file) from an importable product module,
        or assigned once at module level; None when it is neither."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                top = node.module.split(".")[0]
                for alias in node.names:
                    if (alias.asname or alias.name) == name and top in IMPORTABLE_PACKAGES:
                        return getattr(importlib.import_module(node.module), alias.name, None)
        at_module = [
            n.value
            for n in self.tree.body
            if isinstance(n, ast.Assign | ast.AnnAssign)
            and n.value is not None
            and any(
                isinstance(t, ast.Name) and t.id == name
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            )
        ]
        if len(at_module) == 1 and isinstance(at_module[0], ast.Constant):
            return at_module[0].value
        return None


def imported_module_names(tree: ast.Module) -> set[str]:
    """Names bound to product modules (`from app import web` -> 'web')."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in PRODUCT_PACKAGES:
                names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.split(".")[0] in PRODUCT_PACKAGES
            }
    return names


def record(found: Found, resolver: Resolver, node: ast.expr, prefix: str, site: Site) -> bool:
    """Files the key `prefix + node` under static keys, templates or forwarded expressions.

    Returns False for a plain parameter of the enclosing function, which is checked at the callers.
    """
    try:
        for value in resolver.values(node):
            found.static.setdefault(prefix + value, []).append(site)
        return True
    except Unresolved:
        pass
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        found.patterns.setdefault(prefix + resolver.template(node), []).append(site)
        return True
    if isinstance(node, ast.IfExp):
        return record(found, resolver, node.body, prefix, site) & record(
            found, resolver, node.orelse, prefix, site
        )
    function = enclosing_function(node)
    if isinstance(node, ast.Name) and function is not None:
        arguments = function.args
        parameters = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
        if node.id in parameters and (
            function.name in KEY_FUNCTIONS or function.name in CODE_CONSTRUCTORS
        ):
            found.passed_on.append((site, f"{function.name}({node.id})"))
            return False
        assigned = local_assignments(function, node.id)
        if node.id not in parameters and len(assigned) == 1:
            return record(found, resolver, assigned[0], prefix, site)  # key = f"..." ; text(key)
    if prefix:  # words['methods'][m]: the lookup builds prefix + value
        template = prefix + "{" + ast.unparse(node) + "}"
        found.patterns.setdefault(template, []).append(site)
        return True
    found.forwarded.setdefault((site.path, ast.unparse(node)), []).append(site)
    return True


def local_assignments(function: ast.AST, name: str) -> list[ast.expr]:
    return [
        n.value
        for n in ast.walk(function)
        if isinstance(n, ast.Assign)
        and len(n.targets) == 1
        and isinstance(n.targets[0], ast.Name)
        and n.targets[0].id == name
    ]


def subscript_keys(found: Found, resolver: Resolver, node: ast.Subscript, prefix: str) -> None:
    """`words['title']` -> 'mse.cli.title'; `words['methods'][m]` -> 'mse.cli.methods.{m}'."""
    site = Site(resolver.path, node.lineno)
    outer = parent(node)
    if isinstance(outer, ast.Subscript) and outer.value is node:
        group = resolver.values(node.slice)  # a literal group name, else Unresolved fails
        for name in group:
            record(found, resolver, outer.slice, f"{prefix}.{name}.", site)
        return
    record(found, resolver, node.slice, prefix + ".", site)


@functools.cache
def scan() -> Found:
    found = Found()
    for file in product_files():
        path = file.relative_to(REPO).as_posix()
        tree = parsed(path)
        resolver = Resolver(path)
        modules = imported_module_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.literals.add(node.value)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
                prefix = KEY_SUBSCRIPTS.get((path, node.value.id))
                if prefix is not None:
                    subscript_keys(found, resolver, node, prefix)
            if not isinstance(node, ast.Call):
                continue
            name = callee_name(node)
            # st.text(...) and the like are not ours; web.t(...) of a product module is.
            foreign = isinstance(node.func, ast.Attribute) and not (
                isinstance(node.func.value, ast.Name) and node.func.value.id in modules
            )
            if foreign and name in KEY_FUNCTIONS:
                continue
            site = Site(path, node.lineno)
            if name in KEY_FUNCTIONS:
                key = argument(node, KEY_FUNCTIONS[name], ("key",))
                assert key is not None, f"{site}: {name}() without a key"
                record(found, resolver, key, "", site)
            elif name in CODE_CONSTRUCTORS:
                prefix, position = CODE_CONSTRUCTORS[name]
                code = argument(node, position, ("code",))
                if code is None:
                    continue  # e.g. a class named Problem used without a code: nothing to check
                here = Found()
                record(here, resolver, code, prefix, site)
                found.code_keys |= set(here.static)
                for key, sites in here.static.items():
                    found.static.setdefault(key, []).extend(sites)
                for template, sites in here.patterns.items():
                    found.patterns.setdefault(template, []).extend(sites)
                for expression, sites in here.forwarded.items():
                    found.forwarded.setdefault(expression, []).extend(sites)
                found.passed_on += here.passed_on
    return found


# --- the product's vocabularies --------------------------------------------------------------


def each(prefix: str, values: Iterable[str], suffix: str = "") -> set[str]:
    return {f"{prefix}{value}{suffix}" for value in values}


def coverage_statuses() -> set[str]:
    from etl.coverage import DELIVERED, EXPLICIT_ZERO, MISSING

    return {DELIVERED, EXPLICIT_ZERO, MISSING}


def returned_literals(relative: str, function_name: str) -> set[str]:
    """The string literals function `function_name` of file `relative` returns."""
    function = next(
        n
        for n in ast.walk(parsed(relative))
        if isinstance(n, ast.FunctionDef) and n.name == function_name
    )
    return {
        n.value.value
        for n in ast.walk(function)
        if isinstance(n, ast.Return)
        and isinstance(n.value, ast.Constant)
        and isinstance(n.value.value, str)
    }


def personal_data_kinds() -> set[str]:
    return returned_literals("etl/validation.py", "personal_data_kind")


def problem_code_keys() -> set[str]:
    """Every code given to Problem / add_cells anywhere: Problem.message says text(self.code)."""
    return {k for k in scan().code_keys if not k.startswith("mse.table_error.")}


def capture_table_errors() -> set[str]:
    return string_literals(
        "analysis/mse.py", callee="CaptureTableError", position=0, keyword="code"
    )


def mse_interval_notes() -> set[str]:
    """Codes put in PopulationInterval.notes (analysis.mse)."""
    return literals_collected_in("analysis/mse.py", ("notes",))


def measures() -> set[str]:
    from publication import measures as registry

    return set(registry.names())


def breakdowns() -> set[str]:
    from publication.measures import BREAKDOWNS

    return set(BREAKDOWNS)


def breakdown_items() -> dict[str, set[str]]:
    """The rows of each breakdown that presentation.views.item_label names with f'{b}.{item}'
    ('total' and 'department' are named before that line is reached)."""
    from etl.contract import CATEGORIES, CHANNELS, CONCERNS_DISCRIMINATION, GROUNDS, OUTCOMES
    from etl.queries import NOT_FILLED_IN  # category, ground and outcome of zero rows

    items = {
        "channel": set(CHANNELS),
        "category": {*CATEGORIES, NOT_FILLED_IN},
        "concerns": set(CONCERNS_DISCRIMINATION),
        "ground": {*GROUNDS, NOT_FILLED_IN},
        "outcome": {*OUTCOMES, NOT_FILLED_IN},
    }
    assert breakdowns() - {"total", "department"} == set(items), (
        "a breakdown was added or removed: say here which rows it has"
    )
    return items


def item_keys() -> set[str]:
    return {f"{b}.{item}" for b, items in breakdown_items().items() for item in items}


def channels() -> set[str]:
    from etl.contract import CHANNELS, MEASURES_CHANNEL  # a measures file's scope, as a channel

    return {*CHANNELS, MEASURES_CHANNEL}


def categories() -> set[str]:
    from etl.contract import CATEGORIES

    return set(CATEGORIES)


def verdicts() -> set[str]:
    from analysis.intervals import Verdict

    return set(typing.get_args(Verdict))


def scales() -> set[str]:
    from publication.filters import SCALES

    return set(SCALES)


def export_kinds() -> set[str]:
    """The first item of each entry of the download `menu` in app/export_widgets.py."""
    for node in ast.walk(parsed("app/export_widgets.py")):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == "menu"
        ):
            assert isinstance(node.value, ast.List)
            return {entry.elts[0].value for entry in node.value.elts}  # type: ignore[attr-defined]
    raise AssertionError("app/export_widgets.py has no download menu any more")


def audit_actions() -> set[str]:
    """Actions of the audit trail: the audit_log CHECK constraint, the literal actions given to
    journal_refusal, and the statuses of refused loads that etl.loading journals as their action
    (every LoadOutcome status except 'loaded', which audit_log records as 'commit')."""
    sql = (REPO / "etl/sql/tables/07_audit_log.sql").read_text(encoding="utf-8")
    check = re.search(r"action IN \(([^)]*)\)", sql)
    assert check, "audit_log no longer lists its actions"
    actions = set(re.findall(r"'([^']+)'", check.group(1)))
    for file in product_files():
        path = file.relative_to(REPO).as_posix()
        actions |= string_literals(path, callee="journal_refusal", position=1, keyword="action")
    outcomes = string_literals("etl/loading.py", callee="LoadOutcome", position=1, keyword="status")
    return actions | (outcomes - {"loaded"})


def mse_reasons() -> set[str]:
    """Why publication.underreporting.MseResult is not estimable."""
    return string_literals(
        "publication/underreporting.py", callee="MseResult", position=1, keyword="reason"
    )


def selection_methods() -> set[str]:
    from analysis.mse import SELECTION_METHODS

    # 'fixed' is the method of a model given on the command line (ModelChoice("fixed", ...)).
    return set(SELECTION_METHODS) | string_literals(
        "analysis/mse.py", callee="ModelChoice", position=0, keyword="method"
    ) - {""}


def interval_methods() -> set[str]:
    from analysis.mse import INTERVAL_METHODS

    return set(INTERVAL_METHODS) | string_literals(
        "analysis/mse.py", callee="PopulationInterval", position=0, keyword="method"
    )


def cli_words() -> set[str]:
    """Every key analysis.cli looks up through words[...] (found at those lookups)."""
    found = scan()
    out = {k for k in found.static if k.startswith("mse.cli.")}
    for template in found.patterns:
        if template.startswith("mse.cli."):
            out |= DYNAMIC_KEYS[template]()
    return out


def display_digit_counts() -> set[str]:
    from publication.mse_disclosure import DISPLAY_LEVELS

    return {str(level.digits) for level in DISPLAY_LEVELS if level.digits is not None}


def survey_ids() -> set[str]:
    return set(importlib.import_module("publication.survey_comparison").SURVEY_IDS)


def indicator_values(field: str) -> set[str]:
    """A field of the survey indicators that have a value (the rows the page tabulates); the
    indicator itself of every row (missing ones are listed by indicator too)."""
    rows = importlib.import_module("base.reference").survey_indicators()
    return {getattr(row, field) for row in rows if row.value is not None or field == "indicator"}


def willingness_vocabulary(name: str) -> set[str]:
    return set(getattr(importlib.import_module("publication.willingness"), name))


def comparison_reasons() -> set[str]:
    """The reasons the comparison is not shown: publication.willingness's own and the gate's."""
    did = importlib.import_module("analysis.difference_in_differences")
    gate = {value for name, value in vars(did).items() if name.isupper() and isinstance(value, str)}
    gate -= {did.HEADLINE_POOLED, *did.ASSUMPTIONS}
    return gate | {"no_measures", "no_cohort"}


# Keys built at run time whose variable part the source alone does not give: the template as the
# source spells it (placeholders that could be enumerated already filled in) -> every key it builds.
DYNAMIC_KEYS: dict[str, Callable[[], set[str]]] = {
    "coverage.{row.status}": lambda: each("coverage.", coverage_statuses()),
    "under.significant_figures_{result.display_digits}": lambda: each(
        "under.significant_figures_", display_digit_counts()
    ),
    "pii.{params['kind']}": lambda: each("pii.", personal_data_kinds()),
    "mse.interval_note.{code}": lambda: each("mse.interval_note.", mse_interval_notes()),
    "mse.table_error.{self.code}": lambda: each("mse.table_error.", capture_table_errors()),
    "under.mse_{result.reason}": lambda: each("under.mse_", mse_reasons()),
    "{breakdown}.{item}": item_keys,
    "breakdown.{breakdown}": lambda: each("breakdown.", breakdowns()),
    "breakdown.{filters.breakdown}": lambda: each("breakdown.", breakdowns()),
    "breakdown.{b}": lambda: each("breakdown.", breakdowns()),
    "change.{change.verdict}": lambda: each("change.", verdicts()),
    "channel.{c}": lambda: each("channel.", channels()),
    "channel.{self.channel}": lambda: each("channel.", channels()),
    "channel.{channel}": lambda: each("channel.", channels()),
    "category.{c}": lambda: each("category.", categories()),
    "scale.{s}": lambda: each("scale.", scales()),
    "export.{kind}": lambda: each("export.", export_kinds()),
    "upload.action.{a}": lambda: each("upload.action.", audit_actions()),
    "mse.cli.methods.{result.choice.method}": lambda: each("mse.cli.methods.", selection_methods()),
    "mse.cli.intervals.{result.interval.method}": lambda: each(
        "mse.cli.intervals.", interval_methods()
    ),
    "{self.prefix}.{key}": cli_words,  # analysis.cli._Words.__getitem__
    # presentation.willingness: the page 'Meldingsbereidheid'
    "surveycmp.name.{last.id}": lambda: each("surveycmp.name.", survey_ids()),
    "will.ind.{row.indicator}": lambda: each("will.ind.", indicator_values("indicator")),
    "will.ind.{indicator}": lambda: each("will.ind.", indicator_values("indicator")),
    "will.source.{row.kind}": lambda: each("will.source.", indicator_values("kind")),
    "will.cite.{row.citation}": lambda: each("will.cite.", indicator_values("citation")),
    "will.kind.{k}": lambda: each("will.kind.", willingness_vocabulary("MEASURE_KINDS")),
    "will.kind_lower.{cohort.kind}": lambda: each(
        "will.kind_lower.", willingness_vocabulary("STARTABLE_KINDS")
    ),
    "will.kind_lower.{delivered.kind}": lambda: each(
        "will.kind_lower.", willingness_vocabulary("STARTABLE_KINDS")
    ),
    "will.kind_lower.{comparison.cohort.kind}": lambda: each(
        "will.kind_lower.", willingness_vocabulary("STARTABLE_KINDS")
    ),
    "will.group.{g}": lambda: {"will.group.treated", "will.group.control"},
    "will.period.{p}": lambda: {"will.period.before", "will.period.after"},
    "will.assumption.{code}": lambda: each(
        "will.assumption.",
        importlib.import_module("analysis.difference_in_differences").ASSUMPTIONS,
    ),
    "will.reason.{reason}": lambda: each("will.reason.", comparison_reasons()),
    "release.status.{release.status}": lambda: each(
        "release.status.",
        (
            importlib.import_module("publication.releases").ACTIVE,
            importlib.import_module("publication.releases").WITHDRAWN,
        ),
    ),
}

# Keys that reach a text function through an expression that is not a literal, a template or a
# parameter: (file, expression) -> every key it can be.
FORWARDED: dict[tuple[str, str], Callable[[], set[str]]] = {
    # presentation.revisions: the text keys of its two label tables.
    ("presentation/revisions.py", "STATISTIC_LABELS.get(name)"): lambda: set(
        importlib.import_module("presentation.revisions").STATISTIC_LABELS.values()
    ),
    ("presentation/revisions.py", "label"): lambda: set(
        importlib.import_module("presentation.revisions").DIMENSION_LABELS.values()
    ),
    # app.styles: Streamlit's own strings, replaced on Dutch pages
    ("app/styles.py", "key"): lambda: set(importlib.import_module("app.styles").STREAMLIT_STRINGS),
    # presentation.willingness: the survey names of the indicators' file
    ("presentation/willingness.py", "SURVEY_NAMES[survey]"): lambda: set(
        importlib.import_module("presentation.willingness").SURVEY_NAMES.values()
    ),
    # Problem.message: text(self.code); the codes are those given to Problem and add_cells.
    ("etl/problems.py", "self.code"): problem_code_keys,
    # RoleConfigError.message: text(self.key); the keys are those given to RoleConfigError.
    ("access/roles.py", "self.key"): lambda: {
        k for k in scan().code_keys if k.startswith("roles.")
    },
    ("etl/validation.py", "batch.code"): problem_code_keys,
    # ProtectedTable.footnotes over footnote_keys: the two footnotes of protection.display.
    ("protection/tables.py", "key"): lambda: {
        importlib.import_module("protection.display").BELOW_THRESHOLD_FOOTNOTE,
        importlib.import_module("protection.display").SECONDARY_FOOTNOTE,
    },
    # Publication.unavailable maps a table to TABLE_UNAVAILABLE_MESSAGE (build_publication).
    ("publication/protected.py", "self.unavailable.get(name)"): lambda: {
        importlib.import_module("protection.display").TABLE_UNAVAILABLE_MESSAGE
    },
    # Measure.label / .description: f"measure.{self.name}", f"measure_description.{self.name}".
    ("publication/measures.py", "self.label_key"): lambda: each("measure.", measures()),
    ("publication/measures.py", "self.description_key"): lambda: each(
        "measure_description.", measures()
    ),
    # ReleaseError.message: text(self.key); the keys are those given to ReleaseError.
    ("publication/releases.py", "self.key"): lambda: {
        k for k in scan().code_keys if k.startswith("release.error.")
    },
    # The count problems of etl.validation._count_values: what _count_problem returns.
    ("etl/validation.py", "code"): lambda: returned_literals("etl/validation.py", "_count_problem"),
}


def expanded(template: str) -> set[str]:
    if template not in DYNAMIC_KEYS:
        raise KeyError(template)
    keys = DYNAMIC_KEYS[template]()
    assert keys, f"the vocabulary of {template!r} came out empty"
    return keys


@functools.cache
def used_keys() -> dict[str, list[str]]:
    """key -> where it is used (or which template / expression builds it)."""
    found = scan()
    used: dict[str, list[str]] = {k: [str(s) for s in sites] for k, sites in found.static.items()}
    for template, sites in found.patterns.items():
        if template in DYNAMIC_KEYS:
            for key in expanded(template):
                used.setdefault(key, []).append(f"{template} at {sites[0]}")
    for (path, expression), sites in found.forwarded.items():
        if (path, expression) in FORWARDED:
            for key in FORWARDED[(path, expression)]():
                used.setdefault(key, []).append(f"{expression} at {sites[0]}")
    return used


# --- the tests -------------------------------------------------------------------------------


def test_the_scan_finds_the_product_and_its_keys():
    found = scan()
    assert len(product_files()) > 50
    assert "nav.trends" in found.static  # dashboard.py
    assert "under.mse_heading" in found.static  # app_pages, through web.t
    assert "mse.cli.title" in found.static  # analysis.cli words[...]
    assert "value.personal_data" in found.code_keys  # etl.validation add_cells
    assert "coverage.{row.status}" in found.patterns


def test_every_key_built_at_run_time_is_known_to_this_test():
    found = scan()
    unknown = [
        f"{template!r} at {', '.join(map(str, sites))}"
        for template, sites in found.patterns.items()
        if template not in DYNAMIC_KEYS
    ]
    unknown += [
        f"{expression!r} at {', '.join(map(str, sites))}"
        for (path, expression), sites in found.forwarded.items()
        if (path, expression) not in FORWARDED
    ]
    assert not unknown, (
        "text keys built in a way this test cannot enumerate; add them to DYNAMIC_KEYS or "
        "FORWARDED with the vocabulary they range over:\n" + "\n".join(unknown)
    )


def test_no_listed_pattern_is_stale():
    """A pattern the product no longer builds is removed here, so the lists stay a true record."""
    found = scan()
    stale = sorted(set(DYNAMIC_KEYS) - set(found.patterns))
    stale += sorted(map(str, set(FORWARDED) - set(found.forwarded)))
    assert not stale, f"listed here but no longer built by the product: {stale}"


def test_the_key_positions_match_the_wrappers_signatures():
    """A wrapper passes its key parameter on; that parameter sits where KEY_FUNCTIONS or
    CODE_CONSTRUCTORS say, so its callers' keys are the ones this test checks."""
    positions = {name: position for name, position in KEY_FUNCTIONS.items()}
    positions |= {name: position for name, (_, position) in CODE_CONSTRUCTORS.items()}
    wrong = []
    for site, how in scan().passed_on:
        function_name, parameter = how[:-1].split("(")
        for node in ast.walk(parsed(site.path)):
            if isinstance(node, ast.FunctionDef) and node.name == function_name:
                named = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg != "self"]
                if named.index(parameter) != positions[function_name]:
                    wrong.append(f"{site}: {how} is argument {named.index(parameter)}")
    assert not wrong


def test_every_used_key_exists():
    missing = {key: where for key, where in used_keys().items() if key not in TEXTS}
    assert not missing, "text keys used but not in base/texts:\n" + "\n".join(
        f"{key}  ({'; '.join(where[:3])})" for key, where in sorted(missing.items())
    )


def placeholders(template: str) -> set[str]:
    names = set()
    for _, field_name, _, _ in string.Formatter().parse(template):
        if field_name is not None:
            names.add(re.split(r"[.\[]", field_name)[0])
    return names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_has_both_languages(lang):
    empty = [key for key, entry in TEXTS.items() if not str(entry.get(lang, "")).strip()]
    assert not empty, f"texts without {lang!r}: {empty}"
    assert set(LANGUAGES) == {"nl", "en"}


def test_no_text_has_other_languages():
    odd = {key: sorted(entry) for key, entry in TEXTS.items() if set(entry) != set(LANGUAGES)}
    assert not odd


def test_dutch_and_english_have_the_same_placeholders():
    differ = {
        key: (sorted(placeholders(entry["nl"])), sorted(placeholders(entry["en"])))
        for key, entry in TEXTS.items()
        if placeholders(entry["nl"]) != placeholders(entry["en"])
    }
    assert not differ, f"placeholders differ (nl, en): {differ}"


# Keys defined but found nowhere in the product's source, kept on purpose.
UNUSED_ALLOWED: dict[str, str] = {}


def unused_keys() -> set[str]:
    used = set(used_keys()) | (scan().literals & set(TEXTS))  # a key held in a constant counts
    return set(TEXTS) - used


def test_no_text_is_defined_but_unused():
    unused = unused_keys() - set(UNUSED_ALLOWED)
    assert not unused, (
        "text keys defined in base/texts but used nowhere (remove them, or list them in "
        f"UNUSED_ALLOWED with a reason): {sorted(unused)}"
    )


def test_the_allow_list_of_unused_keys_is_current():
    assert set(UNUSED_ALLOWED) <= set(TEXTS), "allowed unused keys that no longer exist"
    assert not set(UNUSED_ALLOWED) - unused_keys(), "allowed unused keys that are used now"
