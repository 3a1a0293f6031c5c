"""The data contract: canonical columns, vocabularies and their aliases, applied before loading."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from base.reference import ministries

REPORT_FILE = "meldingen"
FTE_FILE = "fte"
# Measures against under-reporting ('maatregelen', issue 18): trainings, campaigns, confidential
# advisers per department and year.
MEASURES_FILE = "maatregelen"
FILE_KINDS: tuple[str, ...] = (REPORT_FILE, FTE_FILE, MEASURES_FILE)
# The `channel` of a measures file's scope (etl/sql/tables/04_submission_scope.sql): a measures
# file covers a department-year as a whole, as an fte file does, but under its own key, so that
# the versions in force of the two kinds never mix (etl.loading.versions_in_force, the review's
# overlap check). Never a reports channel.
MEASURES_CHANNEL = "maatregelen"


def normalise_token(text: str) -> str:
    """Lower case, accents removed, runs of spaces/hyphens/dots/slashes to one underscore.

    'Integriteits-coördinator ' -> 'integriteits_coordinator'; used for headers and vocabularies so
    that case, accent and spacing variants of one word are one word.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = without_accents.strip().lower()
    return re.sub(r"[\s\-./]+", "_", lowered).strip("_")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    aliases: tuple[str, ...] = ()


REPORT_COLUMNS: tuple[Column, ...] = (
    Column("departement", True, ("department", "ministerie", "ministry", "dept")),
    Column("jaar", True, ("year", "registratiejaar", "jaar_van_registratie")),
    Column("kanaal", True, ("channel", "route", "meldroute", "voorziening")),
    Column("categorie", True, ("category", "soort", "type", "soort_melding")),
    Column(
        "betreft_discriminatie",
        False,
        ("concerns_discrimination", "discriminatie", "betreft_discriminatie_racisme"),
    ),
    Column("grond", False, ("ground", "discriminatiegrond", "grounds")),
    Column("uitkomst", False, ("outcome", "afloop", "resultaat", "result")),
    Column("organisatie", False, ("organisation", "organization", "onderdeel", "dienst")),
    Column("aantal", False, ("count", "number", "n", "aantal_meldingen")),
    Column("koppelsleutel", False, ("link_key", "linkkey", "case_key", "zaaksleutel")),
)

FTE_COLUMNS: tuple[Column, ...] = (
    Column("departement", True, ("department", "ministerie", "ministry", "dept")),
    Column("jaar", True, ("year",)),
    Column("fte", True, ("formatie", "fte_totaal")),
    Column("medewerkers", False, ("employees", "headcount", "personen", "aantal_medewerkers")),
)

MEASURE_COLUMNS: tuple[Column, ...] = (
    Column("departement", True, ("department", "ministerie", "ministry", "dept")),
    Column("jaar", True, ("year",)),
    Column(
        "soort",
        True,
        (
            "type", "kind", "measure", "maatregel", "soort_maatregel", "type_maatregel",
            "measure_type", "type_of_measure", "activiteit", "activity",
        ),
    ),
    Column(
        "aantal",
        True,
        ("count", "number", "n", "aantal_activiteiten", "activities", "number_of_activities"),
    ),
    Column(
        "deelnemers",
        False,
        ("participants", "aantal_deelnemers", "number_of_participants", "bereik", "reach"),
    ),
    Column("organisatie", False, ("organisation", "organization", "onderdeel", "dienst")),
)  # fmt: skip

# Headers that announce personal data: a file with any of them is refused as a whole.
PERSONAL_DATA_HEADERS: frozenset[str] = frozenset(
    {
        "naam",
        "name",
        "voornaam",
        "achternaam",
        "first_name",
        "last_name",
        "surname",
        "melder",
        "naam_melder",
        "email",
        "e_mail",
        "emailadres",
        "e_mailadres",
        "mail",
        "bsn",
        "burgerservicenummer",
        "sofinummer",
        "personeelsnummer",
        "personnel_number",
        "employee_id",
        "employee_number",
        "telefoon",
        "telefoonnummer",
        "phone",
        "phone_number",
        "mobiel",
        "geboortedatum",
        "date_of_birth",
        "birth_date",
        "dob",
        "adres",
        "address",
        "postcode",
    }
)


def _alias_index(columns: tuple[Column, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns:
        index[normalise_token(column.name)] = column.name
        for alias in column.aliases:
            index[normalise_token(alias)] = column.name
    return index


REPORT_HEADER_INDEX = _alias_index(REPORT_COLUMNS)
FTE_HEADER_INDEX = _alias_index(FTE_COLUMNS)
MEASURE_HEADER_INDEX = _alias_index(MEASURE_COLUMNS)
HEADER_INDEXES: dict[str, dict[str, str]] = {
    REPORT_FILE: REPORT_HEADER_INDEX,
    FTE_FILE: FTE_HEADER_INDEX,
    MEASURES_FILE: MEASURE_HEADER_INDEX,
}
COLUMNS_OF: dict[str, tuple[Column, ...]] = {
    REPORT_FILE: REPORT_COLUMNS,
    FTE_FILE: FTE_COLUMNS,
    MEASURES_FILE: MEASURE_COLUMNS,
}


def canonical_header(header: str, file_kind: str) -> str | None:
    return HEADER_INDEXES[file_kind].get(normalise_token(header))


def looks_like_personal_data_header(header: str) -> bool:
    token = normalise_token(header)
    return token in PERSONAL_DATA_HEADERS or token.replace("_", "") in PERSONAL_DATA_HEADERS


CHANNELS: tuple[str, ...] = (
    "integriteitscoordinator",
    "meldpunt",
    "vertrouwenspersoon",
    "klachtencommissie",
    "leidinggevende",
)
CHANNEL_ALIASES: dict[str, str] = {
    "integriteitscoordinator": "integriteitscoordinator",
    "integriteits_coordinator": "integriteitscoordinator",
    "integrity_coordinator": "integriteitscoordinator",
    "coordinator_integriteit": "integriteitscoordinator",
    "ic": "integriteitscoordinator",
    "meldpunt": "meldpunt",
    "departementaal_meldpunt": "meldpunt",
    "meldpunt_integriteit": "meldpunt",
    "meldpunt_discriminatie": "meldpunt",
    "report_point": "meldpunt",
    "reporting_point": "meldpunt",
    "vertrouwenspersoon": "vertrouwenspersoon",
    "vertrouwenspersoon_integriteit": "vertrouwenspersoon",
    "vertrouwenspersoon_ongewenste_omgangsvormen": "vertrouwenspersoon",
    "vp": "vertrouwenspersoon",
    "confidential_adviser": "vertrouwenspersoon",
    "confidential_advisor": "vertrouwenspersoon",
    "klachtencommissie": "klachtencommissie",
    "klachtencommissie_ongewenste_omgangsvormen": "klachtencommissie",
    "kcoo": "klachtencommissie",
    "complaints_committee": "klachtencommissie",
    "leidinggevende": "leidinggevende",
    "manager": "leidinggevende",
}

CATEGORIES: tuple[str, ...] = (
    "discriminatie",
    "racisme",
    "seksuele_intimidatie",
    "pesten",
    "agressie_geweld",
    "overig",
)
DISCRIMINATION_CATEGORIES: frozenset[str] = frozenset({"discriminatie", "racisme"})
CATEGORY_ALIASES: dict[str, str] = {
    **{c: c for c in CATEGORIES},
    "discrimination": "discriminatie",
    "racism": "racisme",
    "sexual_harassment": "seksuele_intimidatie",
    "seksuele_intimidatie": "seksuele_intimidatie",
    "intimidatie": "seksuele_intimidatie",
    "bullying": "pesten",
    "agressie": "agressie_geweld",
    "geweld": "agressie_geweld",
    "agressie_en_geweld": "agressie_geweld",
    "aggression_violence": "agressie_geweld",
    "aggression": "agressie_geweld",
    "violence": "agressie_geweld",
    "other": "overig",
    "overige": "overig",
    "anders": "overig",
}

CONCERNS_DISCRIMINATION: tuple[str, ...] = ("ja", "deels", "nee")
CONCERNS_ALIASES: dict[str, str] = {
    "ja": "ja",
    "yes": "ja",
    "j": "ja",
    "deels": "deels",
    "gedeeltelijk": "deels",
    "partly": "deels",
    "partially": "deels",
    "nee": "nee",
    "no": "nee",
    "n": "nee",
}

GROUNDS: tuple[str, ...] = (
    "godsdienst",
    "levensovertuiging",
    "politieke_gezindheid",
    "ras",
    "geslacht",
    "nationaliteit",
    "seksuele_gerichtheid",
    "burgerlijke_staat",
    "handicap_chronische_ziekte",
    "leeftijd",
    "arbeidsduur",
    "contract",
    "overig",
    "onbekend",
)
GROUND_ALIASES: dict[str, str] = {
    **{g: g for g in GROUNDS},
    "religie": "godsdienst",
    "geloof": "godsdienst",
    "religion": "godsdienst",
    "belief": "levensovertuiging",
    "politieke_overtuiging": "politieke_gezindheid",
    "political_opinion": "politieke_gezindheid",
    "herkomst": "ras",
    "afkomst": "ras",
    "etniciteit": "ras",
    "etnische_afkomst": "ras",
    "huidskleur": "ras",
    "race": "ras",
    "origin": "ras",
    "ethnicity": "ras",
    "skin_colour": "ras",
    "skin_color": "ras",
    "gender": "geslacht",
    "sex": "geslacht",
    "genderidentiteit": "geslacht",
    "nationality": "nationaliteit",
    "seksuele_geaardheid": "seksuele_gerichtheid",
    "sexual_orientation": "seksuele_gerichtheid",
    "hetero_of_homoseksuele_gerichtheid": "seksuele_gerichtheid",
    "civil_status": "burgerlijke_staat",
    "marital_status": "burgerlijke_staat",
    "handicap": "handicap_chronische_ziekte",
    "beperking": "handicap_chronische_ziekte",
    "chronische_ziekte": "handicap_chronische_ziekte",
    "disability": "handicap_chronische_ziekte",
    "age": "leeftijd",
    "working_hours": "arbeidsduur",
    "tijdelijk_contract": "contract",
    "contract_type": "contract",
    "other": "overig",
    "anders": "overig",
    "unknown": "onbekend",
    "niet_bekend": "onbekend",
}

OUTCOMES: tuple[str, ...] = (
    "gegrond",
    "deels_gegrond",
    "ongegrond",
    "niet_ontvankelijk",
    "ingetrokken",
    "in_behandeling",
    "onbekend",
)
OUTCOME_ALIASES: dict[str, str] = {
    **{o: o for o in OUTCOMES},
    "founded": "gegrond",
    "well_founded": "gegrond",
    "partly_founded": "deels_gegrond",
    "unfounded": "ongegrond",
    "inadmissible": "niet_ontvankelijk",
    "withdrawn": "ingetrokken",
    "pending": "in_behandeling",
    "lopend": "in_behandeling",
    "unknown": "onbekend",
}

# The kinds of measure ('soort' of a measures file). 'vertrouwenspersonen' counts the confidential
# advisers at the end of the year, every other kind the activities held in the year.
MEASURE_KINDS: tuple[str, ...] = (
    "training",
    "workshop",
    "campagne",
    "voorlichting",
    "vertrouwenspersonen",
)
MEASURE_KIND_ALIASES: dict[str, str] = {
    **{k: k for k in MEASURE_KINDS},
    "trainingen": "training",
    "trainings": "training",
    "cursus": "training",
    "cursussen": "training",
    "opleiding": "training",
    "workshops": "workshop",
    "campagnes": "campagne",
    "campaign": "campagne",
    "campaigns": "campagne",
    "communicatiecampagne": "campagne",
    "voorlichtingen": "voorlichting",
    "voorlichtingsbijeenkomst": "voorlichting",
    "voorlichtingsbijeenkomsten": "voorlichting",
    "bijeenkomst": "voorlichting",
    "information_session": "voorlichting",
    "information_sessions": "voorlichting",
    "awareness_session": "voorlichting",
    "awareness_sessions": "voorlichting",
    "information": "voorlichting",
    "awareness": "voorlichting",
    "vertrouwenspersoon": "vertrouwenspersonen",
    "vertrouwenspersonen_integriteit": "vertrouwenspersonen",
    "vertrouwenspersonen_ongewenste_omgangsvormen": "vertrouwenspersonen",
    "vp": "vertrouwenspersonen",
    "confidential_adviser": "vertrouwenspersonen",
    "confidential_advisers": "vertrouwenspersonen",
    "confidential_advisor": "vertrouwenspersonen",
    "confidential_advisors": "vertrouwenspersonen",
}

TOTAL_ROW_MARKERS: frozenset[str] = frozenset(
    {"totaal", "total", "totalen", "totals", "eindtotaal", "grand_total", "som", "sum"}
)

LINK_KEY_PATTERN = re.compile(r"^[0-9a-fA-F]{16,128}$")
ORGANISATION_MAX_LENGTH = 80

OUT_OF_SECTOR_CODE = "DEF"


@cache
def department_index() -> dict[str, str]:
    """Every accepted spelling of a ministry (code, full name, short names) -> its code."""
    index: dict[str, str] = {}
    for ministry in ministries():
        spellings = [ministry.code, ministry.name_nl, ministry.name_en, *ministry.aliases]
        stripped = ministry.name_nl.removeprefix("Ministerie van ")
        spellings.append(stripped)
        for spelling in spellings:
            index[normalise_token(spelling.replace("&", "en"))] = ministry.code
            index[normalise_token(spelling)] = ministry.code
    return index


def resolve_department(text: str) -> str | None:
    return department_index().get(normalise_token(text)) or department_index().get(
        normalise_token(text.replace("&", "en"))
    )
