"""The one translation table: every user-facing text of the command line, the pages and exports."""

from __future__ import annotations

import os
import string

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

TEXTS: dict[str, dict[str, str]] = {
    # --- where a problem is -------------------------------------------------------------------
    "where.file": {"nl": "{file}", "en": "{file}"},
    "where.line": {"nl": "{file}, regel {line}", "en": "{file}, line {line}"},
    "where.cell": {
        "nl": "{file}, regel {line}, kolom {column_number} ({column_letter}) '{column_name}'",
        "en": "{file}, line {line}, column {column_number} ({column_letter}) '{column_name}'",
    },
    "where.cell_unnamed": {
        "nl": "{file}, regel {line}, kolom {column_number} ({column_letter})",
        "en": "{file}, line {line}, column {column_number} ({column_letter})",
    },
    # --- whole-file problems ------------------------------------------------------------------
    "file.empty": {
        "nl": "Het bestand is leeg. Lever een bestand aan met een kopregel en ten minste één regel.",
        "en": "The file is empty. Submit a file with a header row and at least one row.",
    },
    "file.header_only": {
        "nl": "Het bestand bevat alleen een kopregel. Geen meldingen? Zet dan per kanaal één regel "
        "met aantal 0.",
        "en": "The file contains only a header row. No reports? Then add one row per channel with "
        "count 0.",
    },
    "file.too_large": {
        "nl": "Het bestand is {size_mb} MB; de grens is {limit_mb} MB. Splits het bestand per "
        "departement of jaar.",
        "en": "The file is {size_mb} MB; the limit is {limit_mb} MB. Split the file by department "
        "or year.",
    },
    "file.too_many_rows": {
        "nl": "Het bestand heeft meer dan {limit} regels. Splits het bestand per departement of jaar.",
        "en": "The file has more than {limit} rows. Split the file by department or year.",
    },
    "file.xlsx_renamed_csv": {
        "nl": "Dit is een Excel-bestand (.xlsx) met de extensie .csv. Sla het op als .xlsx of kies in "
        "Excel 'Opslaan als' > 'CSV (gescheiden door lijstscheidingsteken)'.",
        "en": "This is an Excel file (.xlsx) named .csv. Save it as .xlsx, or use Excel's 'Save as' > "
        "'CSV'.",
    },
    "file.pdf": {
        "nl": "Dit is een PDF-bestand. Lever de gegevens aan als CSV of Excel (.xlsx).",
        "en": "This is a PDF file. Submit the data as CSV or Excel (.xlsx).",
    },
    "file.binary": {
        "nl": "Dit is geen tekst- of Excel-bestand. Lever de gegevens aan als CSV of Excel (.xlsx).",
        "en": "This is not a text or Excel file. Submit the data as CSV or Excel (.xlsx).",
    },
    "file.old_excel": {
        "nl": "Dit is een oud Excel-formaat (.xls). Sla het in Excel op als .xlsx of als CSV.",
        "en": "This is an old Excel format (.xls). Save it in Excel as .xlsx or CSV.",
    },
    "file.unsupported_extension": {
        "nl": "Bestandstype '{extension}' wordt niet ondersteund. Lever CSV (.csv) of Excel (.xlsx) aan.",
        "en": "File type '{extension}' is not supported. Submit CSV (.csv) or Excel (.xlsx).",
    },
    "file.xlsx_unreadable": {
        "nl": "Het Excel-bestand kan niet worden gelezen (beschadigd of beveiligd). Open en sla het "
        "opnieuw op in Excel, zonder wachtwoord.",
        "en": "The Excel file cannot be read (damaged or protected). Open and save it again in Excel, "
        "without a password.",
    },
    "file.encoding": {
        "nl": "De tekens in het bestand zijn niet te lezen als UTF-8 of Windows-1252. Sla het op als "
        "'CSV UTF-8'.",
        "en": "The characters in the file cannot be read as UTF-8 or Windows-1252. Save it as "
        "'CSV UTF-8'.",
    },
    "file.unknown_kind": {
        "nl": "Geen bekende kolommen gevonden. Een meldingenbestand heeft de kolommen departement, "
        "jaar, kanaal en categorie; een fte-bestand departement, jaar en fte. Zie het "
        "gegevenscontract (docs/data-contract.md).",
        "en": "No known columns found. A reports file has the columns departement, jaar, kanaal and "
        "categorie; an fte file departement, jaar and fte. See the data contract "
        "(docs/data-contract.md).",
    },
    "file.too_many_errors": {
        "nl": "Meer dan {limit} fouten; de rest is niet getoond. Herstel deze eerst en lever "
        "opnieuw aan.",
        "en": "More than {limit} errors; the rest are not shown. Fix these first and submit again.",
    },
    # --- structure problems -------------------------------------------------------------------
    "structure.nul": {
        "nl": "Het bestand bevat een NUL-teken. Exporteer het bestand opnieuw als CSV.",
        "en": "The file contains a NUL character. Export the file again as CSV.",
    },
    "structure.control_character": {
        "nl": "Onzichtbaar stuurteken (code {code}) in de waarde. Verwijder het en lever opnieuw aan.",
        "en": "Invisible control character (code {code}) in the value. Remove it and submit again.",
    },
    "structure.unclosed_quote": {
        "nl": 'Een aanhalingsteken (") dat op deze regel opent, wordt nergens gesloten. Sluit het '
        "aanhalingsteken of verwijder het.",
        "en": 'A quote (") opened on this line is never closed. Close the quote or remove it.',
    },
    "structure.bad_quote": {
        "nl": 'Een aanhalingsteken (") midden in een waarde. Zet de hele waarde tussen '
        "aanhalingstekens of verwijder het teken.",
        "en": 'A quote (") in the middle of a value. Quote the whole value or remove the quote.',
    },
    "structure.title_row": {
        "nl": "De kopregel staat op regel {header_line}, niet op regel 1. Verwijder de titel- of "
        "lege regels erboven zodat de kolomnamen op de eerste regel staan.",
        "en": "The header row is on line {header_line}, not line 1. Remove the title or empty rows "
        "above it so that the column names are on the first line.",
    },
    "structure.field_count": {
        "nl": "Deze regel heeft {found} velden, de kopregel {expected}. Controleer scheidingstekens "
        "(; of ,) en aanhalingstekens op deze regel.",
        "en": "This line has {found} fields, the header {expected}. Check separators (; or ,) and "
        "quotes on this line.",
    },
    "header.missing": {
        "nl": "Verplichte kolom '{column}' ontbreekt. Voeg de kolom toe (zie het gegevenscontract).",
        "en": "Required column '{column}' is missing. Add the column (see the data contract).",
    },
    "header.unknown": {
        "nl": "Onbekende kolom '{column}'. Verwijder de kolom of gebruik een naam uit het "
        "gegevenscontract ({known}).",
        "en": "Unknown column '{column}'. Remove it or use a name from the data contract ({known}).",
    },
    "header.empty": {
        "nl": "Kolom zonder naam. Geef de kolom een naam uit het gegevenscontract of verwijder haar.",
        "en": "Column without a name. Name it as in the data contract or remove it.",
    },
    "header.duplicate": {
        "nl": "Kolom '{column}' komt twee keer voor (ook in kolom {first_column}). Houd één kolom over.",
        "en": "Column '{column}' occurs twice (also in column {first_column}). Keep one.",
    },
    "header.personal_data": {
        "nl": "Deze kolom lijkt persoonsgegevens te bevatten. Persoonsgegevens horen niet in deze "
        "aanlevering: verwijder de kolom en lever opnieuw aan.",
        "en": "This column appears to hold personal data. Personal data does not belong in this "
        "submission: remove the column and submit again.",
    },
    # --- value problems -----------------------------------------------------------------------
    "value.required": {
        "nl": "Lege waarde in een verplichte kolom. Vul de waarde in.",
        "en": "Empty value in a required column. Fill in the value.",
    },
    "value.excel_error": {
        "nl": "Excel-foutwaarde '{value}'. Herstel de formule in de bron en exporteer opnieuw met "
        "waarden in plaats van formules.",
        "en": "Excel error value '{value}'. Fix the formula in the source and export again with "
        "values instead of formulas.",
    },
    "value.formula": {
        "nl": "De waarde lijkt een formule (begint met '{first}'). Lever alleen waarden aan, geen "
        "formules.",
        "en": "The value looks like a formula (starts with '{first}'). Submit values only, no "
        "formulas.",
    },
    "value.personal_data": {
        "nl": "De waarde lijkt een {kind}. Persoonsgegevens horen niet in deze aanlevering: "
        "verwijder de waarde en lever opnieuw aan.",
        "en": "The value looks like {kind}. Personal data does not belong in this submission: "
        "remove the value and submit again.",
    },
    "pii.email": {"nl": "e-mailadres", "en": "an e-mail address"},
    "pii.phone": {"nl": "telefoonnummer", "en": "a phone number"},
    "pii.bsn": {"nl": "burgerservicenummer (BSN)", "en": "a citizen service number (BSN)"},
    "value.total_row": {
        "nl": "Dit lijkt een totaalregel ('{value}'). Verwijder totaalregels: de monitor telt zelf op.",
        "en": "This looks like a totals row ('{value}'). Remove totals rows: the monitor adds up "
        "itself.",
    },
    "value.department_unknown": {
        "nl": "Onbekend departement '{value}'. Gebruik een afkorting (zoals BZK) of de naam van een "
        "ministerie in sector Rijk.",
        "en": "Unknown department '{value}'. Use a code (such as BZK) or the name of a sector Rijk "
        "ministry.",
    },
    "value.department_defence": {
        "nl": "Defensie valt niet onder sector Rijk en hoort niet in deze monitor. Verwijder de "
        "regels van Defensie.",
        "en": "Defence is not part of sector Rijk and does not belong in this monitor. Remove the "
        "Defence rows.",
    },
    "value.department_not_in_year": {
        "nl": "{code} bestond niet in {year} ({period}). Gebruik het departement dat in dat jaar "
        "bestond{successors}.",
        "en": "{code} did not exist in {year} ({period}). Use the department that existed in that "
        "year{successors}.",
    },
    "value.year_invalid": {
        "nl": "Jaar '{value}' is geen jaartal van vier cijfers. Schrijf het jaar voluit, zoals 2024.",
        "en": "Year '{value}' is not a four-digit year. Write the year in full, such as 2024.",
    },
    "value.year_future": {
        "nl": "Jaar {value} ligt in de toekomst (het is nu {current}). Controleer het jaar.",
        "en": "Year {value} is in the future (it is now {current}). Check the year.",
    },
    "value.year_too_early": {
        "nl": "Jaar {value} ligt voor {earliest}. Controleer het jaar.",
        "en": "Year {value} is before {earliest}. Check the year.",
    },
    "value.channel_unknown": {
        "nl": "Onbekend kanaal '{value}'. Kies uit: {allowed}.",
        "en": "Unknown channel '{value}'. Choose from: {allowed}.",
    },
    "value.category_unknown": {
        "nl": "Onbekende categorie '{value}'. Kies uit: {allowed}.",
        "en": "Unknown category '{value}'. Choose from: {allowed}.",
    },
    "value.concerns_unknown": {
        "nl": "Onbekende waarde '{value}' voor betreft_discriminatie. Kies uit: ja, deels, nee.",
        "en": "Unknown value '{value}' for betreft_discriminatie. Choose from: ja, deels, nee.",
    },
    "value.ground_unknown": {
        "nl": "Onbekende discriminatiegrond '{value}'. Kies uit: {allowed}.",
        "en": "Unknown ground of discrimination '{value}'. Choose from: {allowed}.",
    },
    "value.outcome_unknown": {
        "nl": "Onbekende uitkomst '{value}'. Kies uit: {allowed}.",
        "en": "Unknown outcome '{value}'. Choose from: {allowed}.",
    },
    "value.organisation_too_long": {
        "nl": "De organisatie is langer dan {limit} tekens. Gebruik een korte naam van het onderdeel.",
        "en": "The organisation is longer than {limit} characters. Use a short unit name.",
    },
    "value.count_decimal": {
        "nl": "Aantal '{value}' is geen heel getal. Lever ruwe aantallen aan als hele getallen zonder "
        "punt of komma (ook geen duizendtalscheiding).",
        "en": "Count '{value}' is not a whole number. Submit raw counts as whole numbers without "
        "point or comma (no thousands separator either).",
    },
    "value.count_scientific": {
        "nl": "Aantal '{value}' staat in wetenschappelijke notatie. Maak de kolom in Excel op als "
        "'Getal' zonder decimalen en exporteer opnieuw.",
        "en": "Count '{value}' is in scientific notation. Format the column in Excel as 'Number' "
        "without decimals and export again.",
    },
    "value.count_negative": {
        "nl": "Aantal '{value}' is negatief. Een aantal is 0 of meer.",
        "en": "Count '{value}' is negative. A count is 0 or more.",
    },
    "value.count_suppressed": {
        "nl": "Aantal '{value}' is al afgeschermd. Lever de ruwe aantallen aan: de monitor schermt "
        "kleine aantallen zelf af voordat iets wordt getoond.",
        "en": "Count '{value}' is already suppressed. Submit raw counts: the monitor protects small "
        "numbers itself before anything is shown.",
    },
    "value.count_not_number": {
        "nl": "Aantal '{value}' is geen getal. Vul een heel getal in (0 voor 'geen meldingen').",
        "en": "Count '{value}' is not a number. Enter a whole number (0 for 'no reports').",
    },
    "value.count_too_large": {
        "nl": "Aantal {value} is onwaarschijnlijk groot voor één regel. Controleer de waarde.",
        "en": "Count {value} is implausibly large for one row. Check the value.",
    },
    "value.link_key_invalid": {
        "nl": "De koppelsleutel moet een pseudoniem zijn van ten minste 16 hexadecimale tekens "
        "(0-9, a-f). Gebruik nooit namen, e-mailadressen of personeelsnummers.",
        "en": "The link key must be a pseudonym of at least 16 hexadecimal characters (0-9, a-f). "
        "Never use names, e-mail addresses or personnel numbers.",
    },
    "value.link_key_count": {
        "nl": "Een regel met een koppelsleutel is één melding: het aantal moet 1 zijn.",
        "en": "A row with a link key is one report: its count must be 1.",
    },
    "value.link_key_duplicate": {
        "nl": "Dezelfde koppelsleutel komt voor dit departement, jaar en kanaal al voor op regel "
        "{first_line}. Eén zaak staat maar één keer per kanaal in het bestand.",
        "en": "The same link key already occurs for this department, year and channel on line "
        "{first_line}. A case appears once per channel in the file.",
    },
    "value.zero_row_conflict": {
        "nl": "Een regel met aantal 0 betekent 'geen meldingen' voor {department} {year} {channel}, "
        "maar het bestand bevat daarvoor ook andere regels (regel {other_line}). Verwijder de "
        "regel met 0 of de andere regels.",
        "en": "A row with count 0 means 'no reports' for {department} {year} {channel}, but the file "
        "also has other rows for it (line {other_line}). Remove the zero row or the other rows.",
    },
    "value.fte_invalid": {
        "nl": "Fte '{value}' is geen geldig getal. Gebruik cijfers met hoogstens twee decimalen "
        "(zoals 1234,5) zonder duizendtalscheiding.",
        "en": "Fte '{value}' is not a valid number. Use digits with at most two decimals (such as "
        "1234.5) without a thousands separator.",
    },
    "value.employees_invalid": {
        "nl": "Aantal medewerkers '{value}' is geen heel getal van 0 of meer.",
        "en": "Number of employees '{value}' is not a whole number of 0 or more.",
    },
    "value.fte_duplicate": {
        "nl": "Voor {department} {year} staat al een fte-waarde op regel {first_line}. Geef één "
        "waarde per departement en jaar.",
        "en": "{department} {year} already has an fte value on line {first_line}. Give one value per "
        "department and year.",
    },
    # --- loading ------------------------------------------------------------------------------
    "load.rejected": {
        "nl": "AFGEWEZEN {file}: {count} fout(en); er is niets geladen of bewaard.",
        "en": "REJECTED {file}: {count} error(s); nothing was loaded or kept.",
    },
    "load.loaded": {
        "nl": "GELADEN {file} als {submission_id}: {rows} regels, {reports} meldingen; dekking "
        "{scope}.",
        "en": "LOADED {file} as {submission_id}: {rows} rows, {reports} reports; covers {scope}.",
    },
    "load.replaced": {
        "nl": "  vervangt {old_submission_id} voor {scope}",
        "en": "  replaces {old_submission_id} for {scope}",
    },
    "load.unchanged": {
        "nl": "ONGEWIJZIGD {file}: precies dit bestand is al geladen als {submission_id}; er is "
        "niets veranderd.",
        "en": "UNCHANGED {file}: exactly this file is already loaded as {submission_id}; nothing "
        "changed.",
    },
    "load.not_found": {
        "nl": "bestand of map niet gevonden. Controleer het pad.",
        "en": "file or folder not found. Check the path.",
    },
    "load.summary": {
        "nl": "{loaded} geladen, {unchanged} ongewijzigd, {rejected} afgewezen.",
        "en": "{loaded} loaded, {unchanged} unchanged, {rejected} rejected.",
    },
    "rebuild.done": {
        "nl": "Warehouse opnieuw opgebouwd uit {count} bewaarde aanleveringen: {path}",
        "en": "Warehouse rebuilt from {count} stored submissions: {path}",
    },
    "rebuild.failed": {
        "nl": "Opnieuw opbouwen mislukt: aanlevering {submission_id} ({file}) wordt nu afgewezen; "
        "het bestaande warehouse is ongewijzigd.",
        "en": "Rebuild failed: submission {submission_id} ({file}) is now rejected; the existing "
        "warehouse is unchanged.",
    },
    "status.no_warehouse": {
        "nl": "Er is nog geen warehouse op {path}. Laad bestanden met: python -m etl load PAD",
        "en": "There is no warehouse at {path} yet. Load files with: python -m etl load PATH",
    },
    "status.header": {
        "nl": "Warehouse {path}: {submissions} aanleveringen, {reports} meldingen (actueel).",
        "en": "Warehouse {path}: {submissions} submissions, {reports} reports (current).",
    },
    "status.missing": {
        "nl": "Ontbreekt (geen aanlevering): {items}",
        "en": "Missing (no submission): {items}",
    },
    "status.fte_missing": {
        "nl": "Geen fte aangeleverd: {items}",
        "en": "No fte submitted: {items}",
    },
    "coverage.delivered": {"nl": "aangeleverd", "en": "delivered"},
    "coverage.explicit_zero": {"nl": "expliciet nul", "en": "explicit zero"},
    "coverage.missing": {"nl": "ontbreekt", "en": "missing"},
}


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for `key` in `lang` (falls back to Dutch), with {placeholders} filled in."""
    entry = TEXTS[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return string.Formatter().vformat(template, (), _KeepMissing(params))


def language_from_environment() -> str:
    lang = os.environ.get("MELDINGEN_LANG", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


# --- the dashboard ------------------------------------------------------------------------------
TEXTS.update(
    {
        "app.name": {
            "nl": "Meldingenmonitor Rijk",
            "en": "Meldingenmonitor Rijk (reports monitor)",
        },
        "app.tagline": {
            "nl": "Meldingen van discriminatie en racisme door medewerkers van het Rijk, sinds 2018.",
            "en": "Reports of discrimination and racism by central government staff, since 2018.",
        },
        "language.label": {"nl": "Taal / Language", "en": "Taal / Language"},
        "nav.overview": {"nl": "Overzicht", "en": "Overview"},
        "nav.trends": {"nl": "Trends", "en": "Trends"},
        "nav.coverage": {"nl": "Dekking", "en": "Coverage"},
        "nav.about": {"nl": "Over de cijfers", "en": "About the figures"},
        "app.loading_demo": {
            "nl": "Eerste start: de synthetische voorbeeldgegevens worden geladen…",
            "en": "First start: loading the synthetic demo data…",
        },
        "app.protecting": {
            "nl": "Cijfers worden berekend en kleine aantallen afgeschermd…",
            "en": "Computing figures and protecting small numbers…",
        },
        "app.synthetic_banner": {
            "nl": "**Synthetische voorbeeldgegevens.** Deze cijfers zijn verzonnen om de monitor te "
            "laten zien; ze sluiten aan bij de Kamerbrief (2018-2020) maar zijn geen echte meldingen.",
            "en": "**Synthetic demo data.** These figures are made up to demonstrate the monitor; they "
            "match the letter to parliament (2018-2020) but are not real reports.",
        },
        "app.data_version": {
            "nl": "Gegevensversie (aanleveringen / laatste / datum): {version}",
            "en": "Data version (submissions / latest / date): {version}",
        },
        "app.no_data": {
            "nl": "Er zijn nog geen gegevens geladen. Laad de aanleveringen van de departementen met "
            "`python -m etl load MAP` en ververs deze pagina.",
            "en": "No data has been loaded yet. Load the departments' submissions with "
            "`python -m etl load FOLDER` and refresh this page.",
        },
        "error.generic": {
            "nl": "Er ging iets mis bij het tonen van deze pagina. Probeer het opnieuw; blijft het "
            "misgaan, neem dan contact op met de beheerder. (De details staan in het serverlog.)",
            "en": "Something went wrong while showing this page. Please try again; if it keeps "
            "failing, contact the administrator. (Details are in the server log.)",
        },
        # charts
        "chart.reports": {"nl": "Aantal meldingen", "en": "Number of reports"},
        "chart.rate_axis": {"nl": "Meldingen per 1.000 fte", "en": "Reports per 1,000 fte"},
        "chart.percent": {"nl": "Procent", "en": "Percent"},
        "chart.share": {"nl": "Aandeel discriminatie", "en": "Share of discrimination"},
        "chart.hidden_value": {"nl": "afgeschermd", "en": "not shown"},
        "chart.hidden_segment": {
            "nl": "Afgeschermd (kleine aantallen)",
            "en": "Not shown (small numbers)",
        },
        "chart.hidden_segment_hover": {
            "nl": "Samen afgeschermde aantallen: niet per onderdeel te tonen",
            "en": "Protected counts together: cannot be shown per item",
        },
        "chart.interval": {"nl": "95%-interval", "en": "95% interval"},
        "chart.table_alternative": {"nl": "Tabel bij deze grafiek", "en": "Table for this chart"},
        "label.total": {"nl": "Totaal", "en": "Total"},
        "label.year": {"nl": "Jaar", "en": "Year"},
        # measures and breakdowns
        "measure.discrimination": {
            "nl": "Meldingen over discriminatie en racisme",
            "en": "Reports concerning discrimination and racism",
        },
        "measure.all": {
            "nl": "Alle meldingen ongewenst gedrag",
            "en": "All reports of undesirable behaviour",
        },
        "breakdown.total": {"nl": "Totaal", "en": "Total"},
        "breakdown.channel": {"nl": "Kanaal", "en": "Channel"},
        "breakdown.department": {"nl": "Ministerie", "en": "Ministry"},
        "breakdown.category": {"nl": "Categorie", "en": "Category"},
        "breakdown.concerns": {"nl": "Betreft discriminatie", "en": "Concerns discrimination"},
        "breakdown.ground": {"nl": "Discriminatiegrond", "en": "Ground of discrimination"},
        "breakdown.outcome": {"nl": "Uitkomst", "en": "Outcome"},
        "scale.aantal": {"nl": "Aantal", "en": "Count"},
        "scale.per1000fte": {"nl": "Per 1.000 fte", "en": "Per 1,000 fte"},
        "channel.integriteitscoordinator": {
            "nl": "Integriteitscoördinator",
            "en": "Integrity coordinator",
        },
        "channel.meldpunt": {"nl": "Departementaal meldpunt", "en": "Departmental report point"},
        "channel.vertrouwenspersoon": {"nl": "Vertrouwenspersoon", "en": "Confidential adviser"},
        "channel.klachtencommissie": {"nl": "Klachtencommissie", "en": "Complaints committee"},
        "channel.leidinggevende": {"nl": "Leidinggevende", "en": "Manager"},
        "channel_short.integriteitscoordinator": {"nl": "IC", "en": "IC"},
        "channel_short.meldpunt": {"nl": "MP", "en": "RP"},
        "channel_short.vertrouwenspersoon": {"nl": "VP", "en": "CA"},
        "channel_short.klachtencommissie": {"nl": "KC", "en": "CC"},
        "channel_definition.integriteitscoordinator": {
            "nl": "neemt meldingen van ongewenste omgangsvormen aan en kan een intern onderzoek "
            "adviseren (volgens de Baseline Intern Persoonsgericht Onderzoek, 2020).",
            "en": "receives reports of undesirable behaviour and can advise an internal "
            "investigation (under the 2020 baseline for internal investigations, BIPO).",
        },
        "channel_definition.meldpunt": {
            "nl": "departementaal meldpunt, waar meldingen niet via de integriteitscoördinator lopen.",
            "en": "departmental report point, where reports do not go through the integrity coordinator.",
        },
        "channel_definition.vertrouwenspersoon": {
            "nl": "laagdrempelig en vertrouwelijk: luistert, ondersteunt en helpt handelingsopties op "
            "een rij te zetten. Niet elk gesprek leidt tot een melding elders.",
            "en": "low-threshold and confidential: listens, supports and helps to list options. Not "
            "every conversation leads to a report elsewhere.",
        },
        "channel_definition.klachtencommissie": {
            "nl": "onafhankelijke klachtencommissie ongewenste omgangsvormen (per ministerie; sinds 1 "
            "januari 2025 ook een rijksbrede commissie, KCOO). Het bevoegd gezag beslist over de klacht.",
            "en": "independent complaints committee for undesirable behaviour (per ministry; since 1 "
            "January 2025 also a government-wide committee, KCOO). The competent authority decides.",
        },
        "channel_definition.leidinggevende": {
            "nl": "de eerste route volgens de Kamerbrief, maar meldingen bij leidinggevenden worden "
            "nergens geregistreerd en ontbreken dus in deze cijfers.",
            "en": "the first route according to the letter, but reports to managers are not "
            "registered anywhere and are therefore missing from these figures.",
        },
        "category.discriminatie": {"nl": "Discriminatie", "en": "Discrimination"},
        "category.racisme": {"nl": "Racisme", "en": "Racism"},
        "category.seksuele_intimidatie": {"nl": "Seksuele intimidatie", "en": "Sexual harassment"},
        "category.pesten": {"nl": "Pesten", "en": "Bullying"},
        "category.agressie_geweld": {"nl": "Agressie en geweld", "en": "Aggression and violence"},
        "category.overig": {"nl": "Overig", "en": "Other"},
        "category.niet_ingevuld": {"nl": "Niet ingevuld", "en": "Not filled in"},
        "concerns.ja": {"nl": "Ja", "en": "Yes"},
        "concerns.deels": {"nl": "Deels", "en": "Partly"},
        "concerns.nee": {"nl": "Nee", "en": "No"},
        "ground.godsdienst": {"nl": "Godsdienst", "en": "Religion"},
        "ground.levensovertuiging": {"nl": "Levensovertuiging", "en": "Belief"},
        "ground.politieke_gezindheid": {"nl": "Politieke gezindheid", "en": "Political opinion"},
        "ground.ras": {"nl": "Ras (herkomst, huidskleur)", "en": "Race (origin, skin colour)"},
        "ground.geslacht": {"nl": "Geslacht", "en": "Sex"},
        "ground.nationaliteit": {"nl": "Nationaliteit", "en": "Nationality"},
        "ground.seksuele_gerichtheid": {"nl": "Seksuele gerichtheid", "en": "Sexual orientation"},
        "ground.burgerlijke_staat": {"nl": "Burgerlijke staat", "en": "Civil status"},
        "ground.handicap_chronische_ziekte": {
            "nl": "Handicap of chronische ziekte",
            "en": "Disability or chronic illness",
        },
        "ground.leeftijd": {"nl": "Leeftijd", "en": "Age"},
        "ground.arbeidsduur": {"nl": "Arbeidsduur", "en": "Working hours"},
        "ground.contract": {"nl": "Soort contract", "en": "Type of contract"},
        "ground.overig": {"nl": "Overig", "en": "Other"},
        "ground.onbekend": {"nl": "Onbekend", "en": "Unknown"},
        "ground.niet_ingevuld": {"nl": "Niet ingevuld", "en": "Not filled in"},
        "outcome.gegrond": {"nl": "Gegrond", "en": "Well-founded"},
        "outcome.deels_gegrond": {"nl": "Deels gegrond", "en": "Partly well-founded"},
        "outcome.ongegrond": {"nl": "Ongegrond", "en": "Unfounded"},
        "outcome.niet_ontvankelijk": {"nl": "Niet-ontvankelijk", "en": "Inadmissible"},
        "outcome.ingetrokken": {"nl": "Ingetrokken", "en": "Withdrawn"},
        "outcome.in_behandeling": {"nl": "In behandeling", "en": "Pending"},
        "outcome.onbekend": {"nl": "Onbekend", "en": "Unknown"},
        "outcome.niet_ingevuld": {"nl": "Niet ingevuld", "en": "Not filled in"},
        # year-on-year change (exact conditional test)
        "change.significant_increase": {
            "nl": "Van {previous_year} naar {year} steeg het aantal van {previous} naar {count}; die "
            "stijging is statistisch significant (exacte toets, p = {p}).",
            "en": "From {previous_year} to {year} the number rose from {previous} to {count}; the "
            "increase is statistically significant (exact test, p = {p}).",
        },
        "change.significant_decrease": {
            "nl": "Van {previous_year} naar {year} daalde het aantal van {previous} naar {count}; die "
            "daling is statistisch significant (exacte toets, p = {p}).",
            "en": "From {previous_year} to {year} the number fell from {previous} to {count}; the "
            "decrease is statistically significant (exact test, p = {p}).",
        },
        "change.no_significant_change": {
            "nl": "Van {previous_year} naar {year}: {previous} en {count} meldingen. Dat verschil is "
            "niet statistisch significant (exacte toets, p = {p}); het past bij toeval.",
            "en": "From {previous_year} to {year}: {previous} and {count} reports. The difference is "
            "not statistically significant (exact test, p = {p}); it is consistent with chance.",
        },
        "change.not_testable": {
            "nl": "De verandering ten opzichte van het jaar ervoor is niet te toetsen: een van beide "
            "aantallen is afgeschermd of ontbreekt.",
            "en": "The change from the previous year cannot be tested: one of the two counts is "
            "protected or missing.",
        },
        # summaries (one sentence per chart)
        "summary.too_few": {
            "nl": "Te weinig getoonde aantallen voor een samenvatting.",
            "en": "Too few shown counts for a summary.",
        },
        "summary.discrimination_series": {
            "nl": "Het aantal meldingen over discriminatie en racisme ging van {first} in {first_year} "
            "naar {last} in {last_year}; de kleur laat zien via welk kanaal.",
            "en": "Reports concerning discrimination and racism went from {first} in {first_year} to "
            "{last} in {last_year}; the colours show through which channel.",
        },
        "summary.concerns": {
            "nl": "In {year} gingen {ja} meldingen geheel en {deels} deels over discriminatie of racisme.",
            "en": "In {year}, {ja} reports concerned discrimination or racism entirely and {deels} partly.",
        },
        "summary.share": {
            "nl": "In {year} ging {share} van alle meldingen van ongewenst gedrag (geheel of deels) "
            "over discriminatie of racisme.",
            "en": "In {year}, {share} of all reports of undesirable behaviour concerned "
            "discrimination or racism (entirely or partly).",
        },
        "summary.trend": {
            "nl": "{label}: van {first} in {first_year} naar {last} in {last_year}.",
            "en": "{label}: from {first} in {first_year} to {last} in {last_year}.",
        },
        "summary.trend_rate": {
            "nl": "{label}: van {first} per 1.000 fte in {first_year} naar {last} in {last_year}.",
            "en": "{label}: from {first} per 1,000 fte in {first_year} to {last} in {last_year}.",
        },
        # overview
        "overview.title": {"nl": "Overzicht", "en": "Overview"},
        "overview.intro": {
            "nl": "Hoeveel meldingen over discriminatie en racisme medewerkers van het Rijk (alle "
            "ministeries behalve Defensie) doen, en langs welke weg. Het gaat om geregistreerde "
            "meldingen: veel voorvallen worden nooit gemeld.",
            "en": "How many reports of discrimination and racism central government staff (every "
            "ministry except Defence) make, and through which channel. These are registered reports: "
            "many incidents are never reported.",
        },
        "overview.latest_heading": {
            "nl": "Laatste volledige jaar: {year}",
            "en": "Latest complete year: {year}",
        },
        "overview.metric_reports": {
            "nl": "Meldingen discriminatie en racisme {year}",
            "en": "Reports of discrimination and racism {year}",
        },
        "overview.metric_reports_help": {
            "nl": "Meldingen die geheel of deels over discriminatie of racisme gaan, bij alle "
            "geregistreerde kanalen samen (zonder ontdubbeling tussen kanalen).",
            "en": "Reports concerning discrimination or racism entirely or partly, all registered "
            "channels together (not deduplicated across channels).",
        },
        "overview.metric_ja_deels": {
            "nl": "Waarvan geheel / deels",
            "en": "Of which entirely / partly",
        },
        "overview.metric_ja_deels_help": {
            "nl": "'Deels': bijvoorbeeld een klacht over pesten die ook discriminatie betreft.",
            "en": "'Partly': for example a complaint about bullying that also concerns discrimination.",
        },
        "overview.metric_share": {"nl": "Aandeel in alle meldingen", "en": "Share of all reports"},
        "overview.metric_share_help": {
            "nl": "Meldingen over discriminatie en racisme gedeeld door alle meldingen van ongewenste "
            "omgangsvormen (pesten, intimidatie, agressie, overig).",
            "en": "Reports concerning discrimination and racism divided by all reports of undesirable "
            "behaviour (bullying, harassment, aggression, other).",
        },
        "overview.incomplete_years": {
            "nl": "**Onvolledige jaren.** Hier ontbreekt een aanlevering; de cijfers voor die jaren "
            "zijn daardoor te laag (zie Dekking):",
            "en": "**Incomplete years.** A submission is missing here; figures for those years are "
            "therefore too low (see Coverage):",
        },
        "overview.letter_heading": {
            "nl": "Klopt het met wat de Kamer is verteld?",
            "en": "Does it match what parliament was told?",
        },
        "overview.letter_intro": {
            "nl": "De Kamerbrief noemde voor 2018-2020 per jaar 25 tot 35 meldingen bij "
            "integriteitscoördinatoren, meldpunten en vertrouwenspersonen, en 5 klachten bij de "
            "klachtencommissies die deels over discriminatie en racisme gingen. Per jaar kunnen we "
            "dit niet tonen zonder kleine aantallen te onthullen; over de drie jaren samen wel.",
            "en": "The letter to parliament gave, for 2018-2020, 25 to 35 reports a year to integrity "
            "coordinators, report points and confidential advisers, and 5 complaints at the "
            "complaints committees that partly concerned discrimination and racism. Per year this "
            "cannot be shown without revealing small numbers; over the three years together it can.",
        },
        "overview.chart_channels": {
            "nl": "Meldingen over discriminatie en racisme per jaar, naar kanaal",
            "en": "Reports concerning discrimination and racism per year, by channel",
        },
        "overview.chart_concerns": {
            "nl": "Geheel of deels over discriminatie en racisme",
            "en": "Entirely or partly concerning discrimination and racism",
        },
        "overview.chart_share": {
            "nl": "Aandeel discriminatie en racisme in alle meldingen van ongewenst gedrag",
            "en": "Share of discrimination and racism in all reports of undesirable behaviour",
        },
        "letter.what": {"nl": "Wat", "en": "What"},
        "letter.published": {"nl": "Kamerbrief", "en": "Letter to parliament"},
        "letter.monitor": {"nl": "Deze monitor", "en": "This monitor"},
        "letter.verdict": {"nl": "Oordeel", "en": "Verdict"},
        "letter.registrations": {
            "nl": "Meldingen bij integriteitscoördinatoren, meldpunten en vertrouwenspersonen, 2018-2020 samen",
            "en": "Reports to integrity coordinators, report points and confidential advisers, 2018-2020 together",
        },
        "letter.committee": {
            "nl": "Klachten bij klachtencommissies die deels discriminatie betroffen, 2018-2020 samen",
            "en": "Complaints at complaints committees partly concerning discrimination, 2018-2020 together",
        },
        "letter.per_year_band": {"nl": "25-35 per jaar", "en": "25-35 a year"},
        "letter.agrees": {"nl": "✓ komt overeen", "en": "✓ agrees"},
        "letter.differs": {"nl": "✗ wijkt af", "en": "✗ differs"},
        "letter.not_delivered": {"nl": "niet aangeleverd", "en": "not delivered"},
        "letter.not_shown": {"nl": "afgeschermd", "en": "not shown"},
        # trends
        "trends.title": {"nl": "Trends", "en": "Trends"},
        "trends.intro": {
            "nl": "Kies wat u wilt zien en hoe het is uitgesplitst. De lijnen tonen aantallen met een "
            "95%-interval: de spreiding die bij zulke kleine aantallen door toeval alleen al ontstaat.",
            "en": "Choose what to see and how it is broken down. Lines show counts with a 95% interval: "
            "the spread that chance alone produces with numbers this small.",
        },
        "trends.measure": {"nl": "Wat", "en": "What"},
        "trends.breakdown": {"nl": "Uitsplitsen naar", "en": "Break down by"},
        "trends.items": {"nl": "Toon", "en": "Show"},
        "trends.items_all": {"nl": "Alle", "en": "All"},
        "trends.year_from": {"nl": "Van", "en": "From"},
        "trends.year_to": {"nl": "Tot en met", "en": "To"},
        "trends.scale": {"nl": "Schaal", "en": "Scale"},
        "trends.filters_note": {
            "nl": "Er is steeds één uitsplitsing tegelijk: zo kunnen twee selecties niet van elkaar "
            "worden afgetrokken om een kleine groep melders te herkennen. Ministeries tellen door over "
            "de herindeling van 2024 (EZ en KGG bij EZK, LVVN bij LNV).",
            "en": "One breakdown at a time: so that two selections cannot be subtracted from each other "
            "to recognise a small group of reporters. Ministries are followed across the 2024 "
            "reorganisation (EZ and KGG with EZK, LVVN with LNV).",
        },
        "trends.chart_title": {
            "nl": "{measure}, naar {breakdown}",
            "en": "{measure}, by {breakdown}",
        },
        "trends.change_heading": {"nl": "Verandering naar {year}", "en": "Change to {year}"},
        "trends.largest_shown": {
            "nl": "De {shown} grootste van {total} worden getoond; kies er zelf bij 'Toon'.",
            "en": "The {shown} largest of {total} are shown; choose your own under 'Show'.",
        },
        "trends.events": {"nl": "Gemarkeerd in de grafiek:", "en": "Marked in the chart:"},
        "trends.per_1000": {"nl": "per 1.000 fte", "en": "per 1,000 fte"},
        "trends.rate_unavailable": {
            "nl": "Per 1.000 fte kan alleen voor het totaal en per ministerie: voor kanalen, "
            "categorieën, gronden en uitkomsten is er geen noemer. Hieronder staan de aantallen.",
            "en": "Per 1,000 fte is available only for the total and per ministry: channels, categories, "
            "grounds and outcomes have no denominator. The counts are shown below.",
        },
        "trends.rate_partial": {
            "nl": "Voor sommige jaren ontbreekt het fte-aantal van een of meer ministeries; daar staat "
            "geen waarde.",
            "en": "For some years the fte of one or more ministries is missing; no value is shown there.",
        },
        "trends.rate_none": {
            "nl": "Voor deze selectie zijn er geen fte-aantallen; er kan geen tarief worden berekend.",
            "en": "There are no fte figures for this selection; no rate can be computed.",
        },
        "trends.method_note": {
            "nl": "Intervallen: exact Poisson (Garwood, 95%). Verandering: exacte voorwaardelijke "
            "binomiale toets van het laatste jaar tegen het jaar ervoor. Afgeschermde aantallen krijgen "
            "geen interval en geen toets.",
            "en": "Intervals: exact Poisson (Garwood, 95%). Change: exact conditional binomial test of "
            "the last year against the year before. Protected counts get no interval and no test.",
        },
        # coverage page
        "coverage.title": {"nl": "Dekking", "en": "Coverage"},
        "coverage.intro": {
            "nl": "Welke ministeries per jaar en kanaal hebben aangeleverd. Een ontbrekende aanlevering "
            "is iets anders dan 'geen meldingen': dat laatste geeft een ministerie aan met een regel "
            "met aantal 0.",
            "en": "Which ministries delivered per year and channel. A missing delivery is not the same "
            "as 'no reports': a ministry says the latter with a row with count 0.",
        },
        "coverage.per_year_heading": {"nl": "Per jaar", "en": "Per year"},
        "coverage.matrix_heading": {"nl": "Per ministerie en jaar", "en": "Per ministry and year"},
        "coverage.legend": {
            "nl": "IC = integriteitscoördinator, MP = meldpunt, VP = vertrouwenspersoon, KC = "
            "klachtencommissie. ● aangeleverd, 0 expliciet geen meldingen, – ontbreekt, · kanaal "
            "bestaat niet bij dit ministerie (nooit aangeleverd).",
            "en": "IC = integrity coordinator, RP = report point, CA = confidential adviser, CC = "
            "complaints committee. ● delivered, 0 explicitly no reports, – missing, · channel does not "
            "exist at this ministry (never delivered).",
        },
        "coverage.history_heading": {"nl": "Aanleveringen", "en": "Submissions"},
        "coverage.history_intro": {
            "nl": "Elke geladen aanlevering met herkomst. Een nieuwere aanlevering voor hetzelfde "
            "ministerie, jaar en kanaal vervangt de oudere; de oudere blijft bewaard.",
            "en": "Every loaded submission with its provenance. A newer submission for the same ministry, "
            "year and channel replaces the older one; the older one is kept.",
        },
        "history.submission": {"nl": "Aanlevering", "en": "Submission"},
        "history.file": {"nl": "Bestand", "en": "File"},
        "history.kind": {"nl": "Soort", "en": "Kind"},
        "history.covers": {"nl": "Dekt", "en": "Covers"},
        "history.loaded_at": {"nl": "Geladen op (UTC)", "en": "Loaded at (UTC)"},
        "history.loaded_by": {"nl": "Door", "en": "By"},
        "history.replaced_by": {"nl": "Vervangen door", "en": "Replaced by"},
        "history.person_hidden": {"nl": "(alleen voor beheerders)", "en": "(administrators only)"},
        # about
        "about.title": {"nl": "Over de cijfers", "en": "About the figures"},
        "about.caveats_heading": {
            "nl": "Eerst: wat deze cijfers niet zeggen",
            "en": "First: what these figures do not say",
        },
        "about.caveats": {
            "nl": "- **Meldingen zijn geen voorvallen.** De monitor telt hoeveel mensen discriminatie "
            "of racisme melden, niet hoeveel er gebeurt. Meer meldingen kan betekenen dat melden "
            "beter bekend of veiliger is geworden.\n"
            "- **Veel wordt nooit gemeld.** Uit enquêtes blijkt dat ongeveer 1 op de 10 medewerkers "
            "van het Rijk discriminatie ervaart; slechts een klein deel meldt dat ergens.\n"
            "- **De leidinggevende ontbreekt.** De meest gebruikte route, melden bij de "
            "leidinggevende, wordt nergens geregistreerd.\n"
            "- **Dubbeltellingen.** Een zaak die bij twee kanalen binnenkomt, telt in de totalen twee "
            "keer mee; alleen waar departementen een koppelsleutel meegeven is te zien dat het om één "
            "zaak gaat.\n"
            "- **Kleine aantallen** worden afgeschermd; een trend over enkele meldingen zegt weinig "
            "(zie de intervallen).\n"
            "- **Breuken in de reeks**: de herindeling van ministeries in 2024 en de rijksbrede "
            "klachtencommissie vanaf 2025 staan als markeringen in de grafieken.",
            "en": "- **Reports are not incidents.** The monitor counts how many people report "
            "discrimination or racism, not how much happens. More reports can mean that reporting "
            "has become better known or safer.\n"
            "- **Much is never reported.** Surveys show that about 1 in 10 central government staff "
            "experience discrimination; only a small part report it anywhere.\n"
            "- **The manager is missing.** The most used route, reporting to one's manager, is not "
            "registered anywhere.\n"
            "- **Double counting.** A case reaching two channels counts twice in the totals; only "
            "where departments supply a link key can it be seen as one case.\n"
            "- **Small numbers** are protected; a trend over a few reports says little (see the "
            "intervals).\n"
            "- **Series breaks**: the 2024 reorganisation of ministries and the government-wide "
            "complaints committee from 2025 are marked in the charts.",
        },
        "about.channels_heading": {"nl": "Kanalen", "en": "Channels"},
        "about.categories_heading": {
            "nl": "Categorieën en gronden",
            "en": "Categories and grounds",
        },
        "about.categories": {
            "nl": "Departementen leveren alle meldingen van ongewenste omgangsvormen aan: {categories}. "
            "Een melding 'betreft discriminatie' **ja** (discriminatie en racisme), **deels** (zoals "
            "een klacht over pesten die ook discriminatie betreft) of **nee**. De monitor telt ja en "
            "deels als meldingen over discriminatie en racisme, en toont ze apart. "
            "Discriminatiegronden volgen de Algemene wet gelijke behandeling: {grounds}.",
            "en": "Departments submit all reports of undesirable behaviour: {categories}. A report "
            "'concerns discrimination' **yes** (discrimination and racism), **partly** (such as a "
            "complaint about bullying that also concerns discrimination) or **no**. The monitor counts "
            "yes and partly as reports concerning discrimination and racism, and shows them apart. "
            "Grounds of discrimination follow the Equal Treatment Act: {grounds}.",
        },
        "about.methods_heading": {"nl": "Hoe wordt gerekend", "en": "How it is calculated"},
        "about.methods": {
            "nl": "- **Aantal**: de som van `aantal` over de meldingen van de geldende aanleveringen.\n"
            "- **95%-interval**: exact Poisson-interval (Garwood). Het laat zien hoe groot toevallige "
            "schommelingen bij zulke aantallen zijn.\n"
            "- **Per 1.000 fte**: 1.000 × aantal / fte van dezelfde ministeries in hetzelfde jaar; "
            "alleen als alle betrokken ministeries hun fte hebben aangeleverd.\n"
            "- **Verandering**: exacte voorwaardelijke binomiale toets (gegeven het totaal van twee "
            "jaren, is de verdeling over de jaren te verwachten bij een gelijk blijvend niveau?). "
            "'Geen significante verandering' is een uitkomst: het verschil past bij toeval.\n"
            "- **Laatste volledige jaar**: het nieuwste jaar waarin elk ministerie elk kanaal dat het "
            "heeft, heeft aangeleverd.\n"
            "- **Ministeries over de herindeling van 2024**: EZ en KGG tellen bij EZK, LVVN bij LNV; "
            "VRO en AenM staan apart.",
            "en": "- **Count**: the sum of `aantal` over the reports of the submissions in force.\n"
            "- **95% interval**: exact Poisson interval (Garwood). It shows how large chance "
            "fluctuations are for such counts.\n"
            "- **Per 1,000 fte**: 1,000 × count / fte of the same ministries in the same year; only "
            "when every ministry involved delivered its fte.\n"
            "- **Change**: exact conditional binomial test (given the total of two years, is the split "
            "over the years what a constant level would give?). 'No significant change' is a result: "
            "the difference is consistent with chance.\n"
            "- **Latest complete year**: the newest year in which every ministry delivered every "
            "channel it has.\n"
            "- **Ministries across the 2024 reorganisation**: EZ and KGG count with EZK, LVVN with LNV; "
            "VRO and AenM stand alone.",
        },
        "about.protection_heading": {
            "nl": "Bescherming van kleine aantallen",
            "en": "Protection of small numbers",
        },
        "about.protection": {
            "nl": "Geen melder mag herkenbaar zijn uit een grafiek, tabel, tooltip of download, of uit "
            "het verschil tussen twee daarvan. Daarom:\n"
            "- aantallen van 1 tot {threshold} worden getoond als **{below}**;\n"
            "- waar een afgeschermd aantal uit de andere cijfers en totalen te berekenen zou zijn, "
            "wordt ook een ander cijfer afgeschermd (**{secondary}**); een controle met lineaire "
            "programmering bewijst dat elk afgeschermd aantal minstens {width} breed onzeker blijft;\n"
            "- nullen worden getoond: 'geen meldingen' onthult niemand;\n"
            "- er is steeds één uitsplitsing tegelijk, zodat selecties niet van elkaar af te trekken zijn;\n"
            "- alle tabellen die de monitor kan tonen, worden samen beschermd.",
            "en": "No reporter may be identifiable from a chart, table, tooltip or download, or from the "
            "difference between two of them. Therefore:\n"
            "- counts from 1 to below {threshold} are shown as **{below}**;\n"
            "- where a protected count could be calculated from the other figures and totals, another "
            "figure is protected too (**{secondary}**); a linear-programming check proves that every "
            "protected count stays uncertain by at least {width};\n"
            "- zeros are shown: 'no reports' reveals nobody;\n"
            "- one breakdown at a time, so that selections cannot be subtracted from each other;\n"
            "- all tables the monitor can show are protected together.",
        },
        "about.sources_heading": {"nl": "Bronnen", "en": "Sources"},
        "about.source_letter": {
            "nl": "Kamerbrief over meldpunten discriminerend gedrag binnen het Rijk (toezegging "
            "begrotingsbehandeling BZK, 28 oktober 2021): 25 tot 35 meldingen per jaar in 2018-2020 en "
            "5 klachten die deels discriminatie betroffen.",
            "en": "Letter to parliament on reporting points for discriminatory behaviour within central "
            "government (commitment in the BZK budget debate, 28 October 2021): 25 to 35 reports a "
            "year in 2018-2020 and 5 complaints partly concerning discrimination.",
        },
        "about.source_fte": {"nl": "Omvang sector Rijk (fte)", "en": "Size of sector Rijk (fte)"},
        "about.source_events": {
            "nl": "Gebeurtenissen in de grafieken",
            "en": "Events in the charts",
        },
        "about.contract_heading": {
            "nl": "Het gegevenscontract in het kort",
            "en": "The data contract in short",
        },
        "about.contract": {
            "nl": "Departementen leveren per jaar een CSV- of Excelbestand aan met per regel één melding "
            "(of met `aantal` meerdere gelijke): `departement`, `jaar`, `kanaal`, `categorie` "
            "(verplicht) en `betreft_discriminatie`, `grond`, `uitkomst`, `organisatie`, `aantal`, "
            "`koppelsleutel` (optioneel). Geen persoonsgegevens. 'Geen meldingen' is een regel met "
            "aantal 0. Een nieuwe aanlevering vervangt de vorige voor hetzelfde departement, jaar en "
            "kanaal; oude versies blijven bewaard. Het volledige contract staat in "
            "`docs/data-contract.md`.",
            "en": "Departments submit a CSV or Excel file per year with one report per row (or several "
            "identical ones with `aantal`): `departement`, `jaar`, `kanaal`, `categorie` (required) and "
            "`betreft_discriminatie`, `grond`, `uitkomst`, `organisatie`, `aantal`, `koppelsleutel` "
            "(optional). No personal data. 'No reports' is a row with count 0. A new submission "
            "replaces the previous one for the same department, year and channel; old versions are "
            "kept. The full contract is in `docs/data-contract.md`.",
        },
    }
)

# --- under-reporting page -------------------------------------------------------------------------
TEXTS.update(
    {
        "nav.underreporting": {"nl": "Onderrapportage", "en": "Under-reporting"},
        "under.title": {"nl": "Hoeveel wordt niet gemeld?", "en": "How much goes unreported?"},
        "under.caveats": {
            "nl": "**Lees dit eerst.** Dit zijn schattingen, geen tellingen, en ze rusten op aannames die "
            "hieronder staan. De enquêtemethode schat hoeveel *mensen* discriminatie ervoeren en zet dat "
            "naast het aantal geregistreerde meldingen; de vangst-hervangstmethode schat hoeveel *zaken* "
            "de meldkanalen hadden kunnen bereiken maar geen enkel kanaal registreerde. Beide zijn "
            "onzeker (zie de intervallen) en meten iets anders, dus de getallen zijn niet gelijk. "
            "Meldingen bij leidinggevenden worden nergens geregistreerd.",
            "en": "**Read this first.** These are estimates, not counts, and they rest on the assumptions "
            "listed below. The survey method estimates how many *people* experienced discrimination "
            "and sets that beside the registered reports; the capture-recapture method estimates how "
            "many *cases* could have reached the channels but were registered by none. Both are "
            "uncertain (see the intervals) and measure different things, so the numbers differ. Reports "
            "to managers are not registered anywhere.",
        },
        "under.survey_heading": {
            "nl": "Methode 1: enquête naast register",
            "en": "Method 1: survey beside the register",
        },
        "under.survey_intro": {
            "nl": "Het aantal medewerkers (N) maal het aandeel dat in een personeelsenquête discriminatie "
            "meldde te hebben ervaren (p) geeft het verwachte aantal mensen met zo'n ervaring (V = N × p). "
            "Dat zetten we naast de geregistreerde meldingen van dat jaar (R).",
            "en": "The number of staff (N) times the share who reported experiencing discrimination in a "
            "staff survey (p) gives the expected number of people with such an experience (V = N × p). "
            "We set that beside the registered reports of that year (R).",
        },
        "under.survey_year": {"nl": "Enquêtejaar", "en": "Survey year"},
        "under.no_survey_year": {
            "nl": "Voor geen enkel enquêtejaar zijn registraties geladen.",
            "en": "No registrations are loaded for any survey year.",
        },
        "under.adjust": {
            "nl": "Aannames aanpassen (alleen voor uw sessie)",
            "en": "Adjust assumptions (your session only)",
        },
        "under.unit": {"nl": "Eenheid", "en": "Unit"},
        "under.unit_persons": {"nl": "personen", "en": "persons"},
        "under.unit_fte": {
            "nl": "fte (benadering van personen)",
            "en": "fte (approximating persons)",
        },
        "under.sample_help": {
            "nl": "0 = onbekend: dan geen interval.",
            "en": "0 = unknown: then no interval.",
        },
        "under.q_help": {
            "nl": "Aandeel slachtoffers dat meldt, als dat bekend is; 0 = onbekend.",
            "en": "Share of victims who report, where known; 0 = unknown.",
        },
        "under.changed": {
            "nl": "U hebt aannames gewijzigd: deze cijfers wijken af van de standaard met bronnen.",
            "en": "You changed assumptions: these figures differ from the sourced defaults.",
        },
        "under.registered_hidden": {
            "nl": "Het aantal meldingen van dit jaar is afgeschermd (kleine aantallen); er is geen schatting.",
            "en": "This year's number of reports is protected (small numbers); there is no estimate.",
        },
        "under.metric_victims": {
            "nl": "Mensen met een ervaring (V)",
            "en": "People with an experience (V)",
        },
        "under.metric_registered": {
            "nl": "Geregistreerde meldingen (R)",
            "en": "Registered reports (R)",
        },
        "under.metric_registered_dedup": {
            "nl": "Geregistreerde zaken (R, ontdubbeld)",
            "en": "Registered cases (R, deduplicated)",
        },
        "under.metric_one_in": {"nl": "Ongeveer 1 op de … gemeld", "en": "About 1 in … reported"},
        "under.one_in": {"nl": "ongeveer 1 op de {x}", "en": "about 1 in {x}"},
        "under.metric_dark": {"nl": "Niet gemeld (V − R)", "en": "Not reported (V − R)"},
        "under.interval": {
            "nl": "95%-interval {lower} – {upper}",
            "en": "95% interval {lower} – {upper}",
        },
        "under.interval_95": {"nl": "95%-interval", "en": "95% interval"},
        "under.no_interval": {
            "nl": "geen interval: steekproefgrootte onbekend",
            "en": "no interval: sample size unknown",
        },
        "under.expected": {
            "nl": "Met het opgegeven meldpercentage verwacht u {expected} meldingen; geregistreerd zijn er {registered}.",
            "en": "With the given reporting share you would expect {expected} reports; {registered} are registered.",
        },
        "under.scenario_heading": {
            "nl": "Gevoeligheid: gepubliceerde meldpercentages",
            "en": "Sensitivity: published reporting rates",
        },
        "under.scenario_intro": {
            "nl": "Als zoveel procent van de slachtoffers meldt, hoeveel slachtoffers horen dan bij de "
            "geregistreerde meldingen (R / percentage)? Deze percentages komen uit andere groepen "
            "(alle Nederlanders, minderheden in de EU): een bandbreedte, geen betrouwbaarheidsinterval.",
            "en": "If this share of victims reports, how many victims go with the registered reports "
            "(R / rate)? These rates come from other groups (all Dutch residents, minorities in the "
            "EU): a range, not a confidence interval.",
        },
        "under.scenario_rate": {"nl": "Meldpercentage", "en": "Reporting rate"},
        "under.scenario_victims": {
            "nl": "Afgeleid aantal slachtoffers",
            "en": "Implied number of victims",
        },
        "under.scenario_source": {"nl": "Bron", "en": "Source"},
        "under.mse_heading": {
            "nl": "Methode 2: vangst-hervangst over de kanalen",
            "en": "Method 2: capture-recapture across channels",
        },
        "under.mse_intro": {
            "nl": "Waar departementen een koppelsleutel meegeven, is te zien welke zaken bij meer dan één "
            "kanaal terechtkwamen. Uit die overlap schatten log-lineaire modellen hoeveel zaken geen "
            "enkel kanaal bereikten (alle jaren samen). Aannames: een gesloten populatie binnen de "
            "periode; afhankelijkheid tussen kanalen (doorverwijzingen) wordt gemodelleerd met "
            "interacties; de koppeling is volledig en foutloos.",
            "en": "Where departments supply a link key, we can see which cases reached more than one "
            "channel. From that overlap, log-linear models estimate how many cases reached no channel "
            "(all years together). Assumptions: a closed population within the period; dependence "
            "between channels (referrals) is modelled with interactions; linking is complete and "
            "error-free.",
        },
        "under.mse_too_few_linked": {
            "nl": "Te weinig gekoppelde zaken ({linked}) om deze methode te gebruiken: de gegevens dragen het niet.",
            "en": "Too few linked cases ({linked}) to use this method: the data cannot support it.",
        },
        "under.mse_small_numbers": {
            "nl": "Deze schatting wordt niet getoond: samen met de andere cijfers zou ze een klein aantal "
            "zaken onthullen.",
            "en": "This estimate is not shown: together with the other figures it would reveal a small "
            "number of cases.",
        },
        "under.mse_not_estimable": {
            "nl": "Geen enkel model is schatbaar met deze gegevens (de schatting bestaat niet of is niet "
            "identificeerbaar); daarom tonen we hier geen getal.",
            "en": "No model is estimable with these data (the estimate does not exist or is not "
            "identifiable); so no number is shown here.",
        },
        "under.mse_observed": {
            "nl": "Gezien door ten minste één kanaal",
            "en": "Seen by at least one channel",
        },
        "under.mse_estimate": {
            "nl": "Geschat totaal (BIC-model)",
            "en": "Estimated total (BIC model)",
        },
        "under.model_bic": {
            "nl": "BIC, bootstrap-interval met herhaalde modelkeuze",
            "en": "BIC, bootstrap interval repeating the model choice",
        },
        "under.mse_range": {
            "nl": "Bereik over redelijke modellen",
            "en": "Range across reasonable models",
        },
        "under.mse_reading": {
            "nl": "Het bereik laat zien hoe sterk de uitkomst van de modelkeuze afhangt. Een groot bereik "
            "betekent: deze gegevens zeggen weinig over het aantal zaken dat geen kanaal bereikte.",
            "en": "The range shows how much the answer depends on the choice of model. A wide range "
            "means these data say little about the number of cases that reached no channel.",
        },
        "under.model_choice": {"nl": "Keuze", "en": "Choice"},
        "under.model": {"nl": "Model (interacties)", "en": "Model (interactions)"},
        "under.model_stepwise": {
            "nl": "Stapsgewijs (Chan e.a. 2021; onderschat bij doorverwijzingen, zie docs/mse.md)",
            "en": "Stepwise (Chan et al. 2021; underestimates with referrals, see docs/mse.md)",
        },
        "under.model_independence": {"nl": "Onafhankelijke kanalen", "en": "Independent channels"},
        "under.model_aic": {"nl": "AIC (Δ {delta})", "en": "AIC (Δ {delta})"},
        "under.compare_heading": {
            "nl": "Beide methoden naast elkaar",
            "en": "Both methods side by side",
        },
        "under.chart_title": {
            "nl": "Geregistreerd en geschat, per jaar (logaritmische schaal)",
            "en": "Registered and estimated, per year (log scale)",
        },
        "under.series_registered": {"nl": "Geregistreerd", "en": "Registered"},
        "under.series_survey": {
            "nl": "Enquête: mensen met een ervaring",
            "en": "Survey: people with an experience",
        },
        "under.series_band": {
            "nl": "Register ÷ gepubliceerde meldpercentages",
            "en": "Register ÷ published reporting rates",
        },
        "under.series_mse": {"nl": "Vangst-hervangst: zaken", "en": "Capture-recapture: cases"},
        "under.axis": {"nl": "Aantal (log)", "en": "Number (log)"},
        "under.summary": {
            "nl": "Geregistreerde meldingen zijn een klein deel van wat enquêtes laten zien; de schattingen "
            "verschillen per methode en zijn onzeker.",
            "en": "Registered reports are a small part of what surveys show; the estimates differ by "
            "method and are uncertain.",
        },
        "under.chart_note": {
            "nl": "Vangst-hervangst per jaar alleen voor jaren waarin het ontdubbelde aantal zonder "
            "onthulling van kleine aantallen te tonen is.",
            "en": "Capture-recapture per year only for years whose deduplicated count can be shown "
            "without revealing small numbers.",
        },
        "under.assumptions_heading": {"nl": "Aannames en bronnen", "en": "Assumptions and sources"},
        "under.assumption": {"nl": "Aanname", "en": "Assumption"},
        "under.value": {"nl": "Waarde", "en": "Value"},
        "under.source": {"nl": "Bron", "en": "Source"},
        "under.unknown": {"nl": "onbekend", "en": "unknown"},
        "under.assumption_workforce": {"nl": "Aantal medewerkers (N)", "en": "Number of staff (N)"},
        "under.assumption_prevalence": {
            "nl": "Aandeel met ervaring (p)",
            "en": "Share with an experience (p)",
        },
        "under.assumption_sample": {"nl": "Steekproefgrootte (n)", "en": "Sample size (n)"},
        "under.assumption_deff": {"nl": "Design-effect", "en": "Design effect"},
        "under.assumption_deff_source": {
            "nl": "Standaard 1 (enkelvoudige steekproef); niet gepubliceerd.",
            "en": "Default 1 (simple random sample); not published.",
        },
        "under.assumption_q": {
            "nl": "Aandeel slachtoffers dat meldt (q)",
            "en": "Share of victims who report (q)",
        },
        "under.assumption_q_source": {
            "nl": "Niet bekend voor sector Rijk; zie de bandbreedte met gepubliceerde percentages.",
            "en": "Not known for sector Rijk; see the range with published rates.",
        },
        "under.assumption_closed": {"nl": "Gesloten populatie", "en": "Closed population"},
        "under.assumption_closed_source": {
            "nl": "Vangst-hervangst: dezelfde groep zaken voor alle kanalen in de periode.",
            "en": "Capture-recapture: the same set of cases for all channels in the period.",
        },
        "under.assumption_matching": {"nl": "Koppeling", "en": "Linking"},
        "under.assumption_matching_source": {
            "nl": "Departementen geven elke zaak die meerdere kanalen bereikte dezelfde koppelsleutel.",
            "en": "Departments give every case that reached several channels the same link key.",
        },
    }
)

# --- exports and the briefing document ------------------------------------------------------------
TEXTS.update(
    {
        "export.source": {
            "nl": "Bron: registraties van meldingen bij de integriteitscoördinatoren, meldpunten, "
            "vertrouwenspersonen en klachtencommissies van de ministeries (sector Rijk, zonder Defensie); "
            "Meldingenmonitor Rijk, dataversie {version}.",
            "en": "Source: registrations of reports with the integrity coordinators, report points, "
            "confidential advisers and complaints committees of the ministries (sector Rijk, without "
            "Defence); Meldingenmonitor Rijk, data version {version}.",
        },
        "export.source_synthetic": {
            "nl": "Synthetische voorbeeldgegevens: dit zijn geen echte meldingen.",
            "en": "Synthetic example data: these are not real reports.",
        },
        "export.subtitle": {
            "nl": "Sector Rijk, {first}–{last}",
            "en": "Sector Rijk, {first}–{last}",
        },
        "export.subtitle_single": {"nl": "Sector Rijk, {year}", "en": "Sector Rijk, {year}"},
        "export.incomplete": {
            "nl": "Onvolledige jaren (niet alle aanleveringen binnen): {gaps}.",
            "en": "Incomplete years (not every submission received): {gaps}.",
        },
        "export.series_breaks": {
            "nl": "Reeksbreuk: {breaks}.",
            "en": "Series break: {breaks}.",
        },
        "export.downloads": {"nl": "Downloaden", "en": "Download"},
        "export.downloads_help": {
            "nl": "De grafiek als afbeelding (met titel, bron en voetnoten) en de tabel erachter, met "
            "alleen beschermde aantallen.",
            "en": "The chart as an image (with title, source and footnotes) and the table behind it, "
            "with protected counts only.",
        },
        "export.png": {"nl": "Afbeelding (PNG)", "en": "Image (PNG)"},
        "export.svg": {"nl": "Vectorafbeelding (SVG)", "en": "Vector image (SVG)"},
        "export.pdf": {"nl": "Grafiek als PDF", "en": "Chart as PDF"},
        "export.xlsx": {"nl": "Tabel in Excel (XLSX)", "en": "Table in Excel (XLSX)"},
        "export.csv": {"nl": "Tabel als CSV (komma)", "en": "Table as CSV (comma)"},
        "export.csv_semicolon": {
            "nl": "Tabel als CSV voor Nederlandse Excel (puntkomma)",
            "en": "Table as CSV for Dutch Excel (semicolon)",
        },
        "export.sheet_table": {"nl": "Tabel", "en": "Table"},
        "export.sheet_notes": {"nl": "Toelichting", "en": "Notes"},
        "export.notes_title": {
            "nl": "Toelichting bij de tabel",
            "en": "Notes on the table",
        },
        "export.notes_source": {"nl": "Bron", "en": "Source"},
        "export.notes_footnotes": {"nl": "Voetnoten", "en": "Footnotes"},
        "export.notes_symbols": {
            "nl": "Tekens: '{below}' = 1 tot en met {max_small} meldingen (afgeschermd); '{secondary}' = "
            "afgeschermd om een ander aantal te beschermen; 0 = geen meldingen.",
            "en": "Symbols: '{below}' = 1 to {max_small} reports (protected); '{secondary}' = protected "
            "to protect another count; 0 = no reports.",
        },
        "export.notes_made": {
            "nl": "Gemaakt op {date} met de Meldingenmonitor Rijk; dataversie {version}.",
            "en": "Made on {date} with the Meldingenmonitor Rijk; data version {version}.",
        },
        # the briefing document
        "export.briefing_title": {
            "nl": "Meldingen van discriminatie en racisme binnen het Rijk",
            "en": "Reports of discrimination and racism within central government",
        },
        "export.briefing_subtitle": {
            "nl": "Cijfers voor de Kamerbrief, {period}",
            "en": "Figures for the letter to parliament, {period}",
        },
        "export.briefing_made": {
            "nl": "Gemaakt op {date} met de Meldingenmonitor Rijk. Dataversie: {version} (aantal "
            "geldende aanleveringen / laatste aanlevering / datum van laden).",
            "en": "Made on {date} with the Meldingenmonitor Rijk. Data version: {version} (submissions "
            "in force / latest submission / date loaded).",
        },
        "load.derived_failed": {
            "nl": "Let op: de gegevens zijn geladen, maar de beschermde cijfers en de schatting "
            "voor het dashboard konden niet vooraf worden berekend (zie het logboek). Het dashboard "
            "berekent ze nu zelf bij het eerste bezoek. Meld dit aan de beheerders.",
            "en": "Note: the data were loaded, but the protected figures and the estimate for the "
            "dashboard could not be computed in advance (see the log). The dashboard now computes "
            "them itself on the first visit. Please tell the administrators.",
        },
        "export.omitted": {
            "nl": "Niet opgenomen, omdat er voor de huidige gegevens te weinig meldingen zijn om de "
            "melders te beschermen, ook niet door aantallen te verbergen: {items}.",
            "en": "Not included, because for the current data there are too few reports to protect "
            "the reporters, even by hiding counts: {items}.",
        },
        "export.briefing_intro": {
            "nl": "Deze notitie bevat de figuren en tabellen van de Meldingenmonitor Rijk, met bron en "
            "kanttekeningen. Meldingen zijn geen voorvallen: de aantallen laten zien hoeveel er is "
            "gemeld en geregistreerd, niet hoeveel discriminatie er is. Alle aantallen zijn beschermd: "
            "aantallen van 1 tot en met {max_small} staan er als '{below}', en waar een afgeschermd "
            "aantal uit de andere cijfers te berekenen zou zijn, staat ook een ander aantal als "
            "'{secondary}'. Toelichting en methode staan in de bijlage.",
            "en": "This note contains the figures and tables of the Meldingenmonitor Rijk, with source "
            "and caveats. Reports are not incidents: the counts show how much was reported and "
            "registered, not how much discrimination there is. All counts are protected: counts from "
            "1 to {max_small} are shown as '{below}', and where a protected count could be calculated "
            "from the other figures, another count is shown as '{secondary}'. Notes and method are in "
            "the annex.",
        },
        "export.briefing_key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
        "export.briefing_latest": {
            "nl": "In {year} zijn binnen het Rijk {count} meldingen over discriminatie en racisme "
            "geregistreerd (geheel of deels).",
            "en": "In {year}, {count} reports concerning discrimination and racism (entirely or "
            "partly) were registered within central government.",
        },
        "export.briefing_latest_hidden": {
            "nl": "Het aantal meldingen over discriminatie en racisme in {year} is afgeschermd.",
            "en": "The number of reports concerning discrimination and racism in {year} is protected.",
        },
        "export.briefing_incomplete_caution": {
            "nl": "Voorzichtig bij vergelijken: niet alle jaren zijn volledig aangeleverd.",
            "en": "Compare with care: not every year is complete.",
        },
        "export.briefing_figures": {"nl": "Figuren", "en": "Figures"},
        "export.briefing_tables": {"nl": "Tabellen", "en": "Tables"},
        "export.figure_label": {"nl": "Figuur {number}", "en": "Figure {number}"},
        "export.table_label": {"nl": "Tabel {number}", "en": "Table {number}"},
        "export.annex": {
            "nl": "Bijlage: kanttekeningen en methode",
            "en": "Annex: caveats and method",
        },
        "export.page_footer": {
            "nl": "Meldingenmonitor Rijk · dataversie {version} · {date}",
            "en": "Meldingenmonitor Rijk · data version {version} · {date}",
        },
        "export.page_number": {"nl": "pagina {page}", "en": "page {page}"},
        "export.chart_change_caution": {
            "nl": "Bij deze kleine aantallen zegt een verschil tussen twee jaren weinig: kijk naar de "
            "95%-intervallen en de toets.",
            "en": "With such small counts a difference between two years says little: look at the 95% "
            "intervals and the test.",
        },
        # the Export page
        "export.nav": {"nl": "Export", "en": "Export"},
        "export.title": {
            "nl": "Export voor Kamerbrieven",
            "en": "Export for letters to parliament",
        },
        "export.intro": {
            "nl": "Kies jaren, figuren en tabellen en maak in één keer een briefing als Word-document en "
            "als PDF: genummerde figuren en tabellen met bronregel, een korte tekst per figuur, de "
            "kanttekeningen en de methode als bijlage. Alle aantallen zijn beschermd. Losse grafieken "
            "en tabellen downloadt u onder elke grafiek ('Downloaden').",
            "en": "Choose years, figures and tables and make a briefing as a Word document and as PDF "
            "in one go: numbered figures and tables with a source line, a short text per figure, the "
            "caveats and the method as an annex. All counts are protected. Single charts and tables "
            "can be downloaded under each chart ('Download').",
        },
        "export.year_from": {"nl": "Van", "en": "From"},
        "export.year_to": {"nl": "Tot en met", "en": "To"},
        "export.charts": {"nl": "Figuren", "en": "Figures"},
        "export.tables": {"nl": "Tabellen", "en": "Tables"},
        "export.build": {"nl": "Maak briefing", "en": "Make briefing"},
        "export.building": {
            "nl": "Briefing wordt gemaakt (grafieken tekenen, document opbouwen)…",
            "en": "Making the briefing (drawing charts, building the document)…",
        },
        "export.nothing_chosen": {
            "nl": "Kies ten minste één figuur of tabel.",
            "en": "Choose at least one figure or table.",
        },
        "export.ready": {
            "nl": "De briefing is klaar: {figures} figuren en {tables} tabellen.",
            "en": "The briefing is ready: {figures} figures and {tables} tables.",
        },
        "export.download_docx": {"nl": "Briefing als Word (DOCX)", "en": "Briefing as Word (DOCX)"},
        "export.download_pdf": {"nl": "Briefing als PDF", "en": "Briefing as PDF"},
        # the command line (python -m briefing)
        "export.cli_done": {
            "nl": "{count} bestanden geschreven naar {out} (lijst met sha256 in {manifest}).",
            "en": "{count} files written to {out} (list with sha256 in {manifest}).",
        },
        "export.cli_no_data": {
            "nl": "Geen gegevens in het warehouse {db}. Laad eerst aanleveringen met "
            "'python -m etl load'.",
            "en": "No data in the warehouse {db}. Load submissions first with 'python -m etl load'.",
        },
        "export.cli_bad_year": {
            "nl": "Jaar {year} zit niet in de gegevens; kies een jaar van {first} tot en met {last}.",
            "en": "Year {year} is not in the data; choose a year from {first} to {last}.",
        },
        # the catalogue of the briefing (titles of figures and tables not already in i18n)
        "export.chart.channels": {
            "nl": "Meldingen over discriminatie en racisme, naar kanaal",
            "en": "Reports concerning discrimination and racism, by channel",
        },
        "export.chart.concerns": {
            "nl": "Meldingen geheel en deels over discriminatie en racisme",
            "en": "Reports entirely and partly concerning discrimination and racism",
        },
        "export.chart.share": {
            "nl": "Aandeel discriminatie en racisme in alle meldingen van ongewenst gedrag",
            "en": "Share of discrimination and racism in all reports of undesirable behaviour",
        },
        "export.chart.largest_only": {
            "nl": "De {shown} grootste van {total} staan in de figuur; alle staan in de tabel.",
            "en": "The {shown} largest of {total} are in the figure; all are in the table.",
        },
    }
)

# --- protection of small numbers --------------------------------------------------------------------
TEXTS.update(
    {
        "protection.footnote.below_threshold": {
            "nl": "{below}: 1 tot en met {largest_hidden} meldingen. Aantallen onder de {threshold} "
            "tonen we niet, zodat melders niet herkenbaar zijn.",
            "en": "{below}: 1 to {largest_hidden} reports. Counts below {threshold} are not shown, so "
            "that reporters cannot be identified.",
        },
        "protection.footnote.secondary": {
            "nl": "{secondary}: niet getoond, omdat anders een aantal onder de {threshold} uit de "
            "andere cijfers en de totalen te berekenen is.",
            "en": "{secondary}: not shown, because otherwise a count below {threshold} could be "
            "calculated from the other figures and the totals.",
        },
        "protection.unprotectable": {
            "nl": "Deze tabel kan niet worden getoond: er zijn te weinig meldingen om de melders te "
            "beschermen. Kies een grovere indeling (bijvoorbeeld meerdere jaren samen).",
            "en": "This table cannot be shown: there are too few reports to protect the reporters. "
            "Choose a coarser breakdown (for example several years together).",
        },
        "protection.table_unavailable": {
            "nl": "Deze uitsplitsing is voor de huidige gegevens niet beschikbaar: er zijn te weinig "
            "meldingen om de melders te beschermen, ook niet door aantallen te verbergen. De totalen "
            "per jaar zijn wel beschikbaar.",
            "en": "This breakdown is not available for the current data: there are too few reports "
            "to protect the reporters, even by hiding counts. The totals per year are available.",
        },
        "protection.grouped_units": {
            "nl": "Ministeries met te weinig meldingen om ze apart te tonen, staan samen onder "
            "'{label}': {members}.",
            "en": "Ministries with too few reports to show separately are combined as '{label}': "
            "{members}.",
        },
    }
)
TEXTS.update({"label.other_ministries": {"nl": "Overige ministeries", "en": "Other ministries"}})

# --- upload page and login --------------------------------------------------------------------------
TEXTS.update(
    {
        "upload.nav": {"nl": "Aanleveren", "en": "Submit data"},
        "upload.title": {"nl": "Aanleveren", "en": "Submit data"},
        "upload.intro": {
            "nl": "Lever hier de jaarlijkse export van uw departement aan (CSV of Excel .xlsx). U ziet "
            "meteen of het bestand aan het gegevenscontract voldoet (zie 'Over de cijfers') en wat er "
            "verandert. Er wordt niets opgeslagen tot u op **Vastleggen** drukt.",
            "en": "Submit your department's yearly export here (CSV or Excel .xlsx). You see at once "
            "whether the file meets the data contract (see 'About the figures') and what will "
            "change. Nothing is stored until you press **Commit**.",
        },
        "upload.local_mode": {
            "nl": "**Lokale modus.** Er is geen inlogdienst ingesteld; de monitor draait alleen op deze "
            "computer (127.0.0.1). U werkt als beheerder en wordt vastgelegd als '{identity}'.",
            "en": "**Local mode.** No identity provider is configured; the monitor only runs on this "
            "computer (127.0.0.1). You work as administrator and are recorded as '{identity}'.",
        },
        "upload.logged_in_rights": {
            "nl": "Ingelogd als {identity}. U mag aanleveren voor: {departments}.",
            "en": "Logged in as {identity}. You may submit for: {departments}.",
        },
        "upload.all_departments": {"nl": "alle departementen", "en": "all departments"},
        "upload.no_rights": {
            "nl": "U hebt geen recht om gegevens aan te leveren. Neem contact op met de beheerder van "
            "de monitor als u namens een departement wilt aanleveren.",
            "en": "You are not allowed to submit data. Contact the monitor's administrator if you "
            "want to submit for a department.",
        },
        "upload.files_label": {
            "nl": "Kies een of meer bestanden (CSV of .xlsx)",
            "en": "Choose one or more files (CSV or .xlsx)",
        },
        "upload.new_heading": {"nl": "Nieuwe aanlevering", "en": "New submission"},
        "upload.check_heading": {"nl": "Controle", "en": "Check"},
        "upload.file_ok": {
            "nl": "**{file}**: voldoet aan het gegevenscontract ({rows} regels, {reports} meldingen).",
            "en": "**{file}**: meets the data contract ({rows} rows, {reports} reports).",
        },
        "upload.file_ok_fte": {
            "nl": "**{file}**: voldoet aan het gegevenscontract (fte-bestand, {rows} regels).",
            "en": "**{file}**: meets the data contract (fte file, {rows} rows).",
        },
        "upload.file_rejected": {
            "nl": "**{file}** wordt afgewezen: {count} fout(en). Verbeter het bestand en kies het "
            "opnieuw. Er is niets opgeslagen.",
            "en": "**{file}** is rejected: {count} problem(s). Correct the file and choose it again. "
            "Nothing was stored.",
        },
        "upload.error_report": {
            "nl": "Foutenrapport downloaden (CSV)",
            "en": "Download error report (CSV)",
        },
        "upload.error_report_help": {
            "nl": "Uw regels met een extra kolom 'fouten'. Cellen die op persoonsgegevens lijken zijn "
            "leeggemaakt.",
            "en": "Your rows with an extra column 'errors'. Cells that look like personal data are "
            "blanked.",
        },
        "upload.report_line": {"nl": "regel", "en": "line"},
        "upload.report_problems": {"nl": "fouten", "en": "errors"},
        "upload.denied": {
            "nl": "U mag niet aanleveren voor {departments}. U kunt alleen aanleveren voor uw eigen "
            "departement(en): {own}. Er is niets opgeslagen.",
            "en": "You may not submit for {departments}. You can only submit for your own "
            "department(s): {own}. Nothing was stored.",
        },
        "upload.overlap": {
            "nl": "Meerdere gekozen bestanden gaan over {scopes}. Kies per departement, jaar en kanaal "
            "één bestand.",
            "en": "Several chosen files cover {scopes}. Choose one file per department, year and "
            "channel.",
        },
        "upload.fix_first": {
            "nl": "Vastleggen kan pas als alle gekozen bestanden goed zijn.",
            "en": "You can commit once every chosen file is correct.",
        },
        "upload.identical": {
            "nl": "**{file}** is precies zo al vastgelegd ({submission_id}). Vastleggen verandert "
            "niets.",
            "en": "**{file}** is already stored exactly like this ({submission_id}). Committing "
            "changes nothing.",
        },
        "upload.preview_heading": {"nl": "Wat verandert er", "en": "What will change"},
        "upload.preview_intro": {
            "nl": "Ongeschermde aantallen van uw eigen departement, alleen zichtbaar voor de "
            "aanleveraars van dit departement en beheerders. 'Nu' is wat nu geladen is, "
            "'vorig jaar' wat voor het jaar ervoor geladen is; '–' betekent niet aangeleverd.",
            "en": "Unprotected counts of your own department, only visible to this department's "
            "submitters and administrators. 'Now' is what is loaded now, 'last year' what is "
            "loaded for the year before; '–' means not submitted.",
        },
        "upload.per_channel": {"nl": "Totaal per kanaal", "en": "Total per channel"},
        "upload.per_category": {"nl": "Per kanaal en categorie", "en": "Per channel and category"},
        "upload.fte_heading": {"nl": "Fte", "en": "Fte"},
        "upload.replaced_heading": {"nl": "Wordt vervangen", "en": "Will be replaced"},
        "upload.nothing_replaced": {
            "nl": "Er wordt niets vervangen: voor deze departementen, jaren en kanalen is nog niets "
            "geladen.",
            "en": "Nothing is replaced: nothing is loaded yet for these departments, years and "
            "channels.",
        },
        "upload.col.department": {"nl": "Departement", "en": "Department"},
        "upload.col.year": {"nl": "Jaar", "en": "Year"},
        "upload.col.channel": {"nl": "Kanaal", "en": "Channel"},
        "upload.col.category": {"nl": "Categorie", "en": "Category"},
        "upload.col.new": {"nl": "Nieuw", "en": "New"},
        "upload.col.current": {"nl": "Nu", "en": "Now"},
        "upload.col.last_year": {"nl": "Vorig jaar", "en": "Last year"},
        "upload.col.submission": {"nl": "Aanlevering", "en": "Submission"},
        "upload.col.file": {"nl": "Bestand", "en": "File"},
        "upload.col.loaded_at": {"nl": "Vastgelegd op (UTC)", "en": "Committed at (UTC)"},
        "upload.col.loaded_by": {"nl": "Door", "en": "By"},
        "upload.col.reports": {"nl": "Meldingen", "en": "Reports"},
        "upload.col.years": {"nl": "Jaren", "en": "Years"},
        "upload.col.channels": {"nl": "Kanalen", "en": "Channels"},
        "upload.col.status": {"nl": "Status", "en": "Status"},
        "upload.col.replaced_by": {"nl": "Vervangen door", "en": "Replaced by"},
        "upload.col.note": {"nl": "Toelichting", "en": "Note"},
        "upload.col.when": {"nl": "Wanneer (UTC)", "en": "When (UTC)"},
        "upload.col.who": {"nl": "Wie", "en": "Who"},
        "upload.col.what": {"nl": "Wat", "en": "What"},
        "upload.col.detail": {"nl": "Details", "en": "Details"},
        "upload.not_submitted": {"nl": "–", "en": "–"},
        "upload.zero_row": {"nl": "(geen meldingen)", "en": "(no reports)"},
        "upload.jump_heading": {"nl": "Opvallende sprong", "en": "Implausible jump"},
        "upload.jump_intro": {
            "nl": "Deze aantallen wijken sterk af (factor {factor} of meer). Klopt dit? Vastleggen kan "
            "alleen met een bevestiging en een reden; de reden wordt bij de aanlevering bewaard.",
            "en": "These counts differ strongly (a factor of {factor} or more). Is this right? You can "
            "only commit with a confirmation and a reason; the reason is kept with the submission.",
        },
        "upload.jump_line": {
            "nl": "{what}: {new} tegen {reference} {against}",
            "en": "{what}: {new} against {reference} {against}",
        },
        "upload.jump_against_current": {"nl": "nu geladen", "en": "loaded now"},
        "upload.jump_against_last_year": {"nl": "in {year}", "en": "in {year}"},
        "upload.jump_total": {"nl": "alle kanalen", "en": "all channels"},
        "upload.jump_confirm": {
            "nl": "Ik heb dit gecontroleerd: de aantallen kloppen.",
            "en": "I have checked this: the counts are right.",
        },
        "upload.jump_reason": {
            "nl": "Reden (zonder persoonsgegevens)",
            "en": "Reason (no personal data)",
        },
        "upload.jump_reason_required": {
            "nl": "Bevestig de opvallende sprong en geef een reden voordat u vastlegt.",
            "en": "Confirm the implausible jump and give a reason before you commit.",
        },
        "upload.commit": {"nl": "Vastleggen", "en": "Commit"},
        "upload.review_again": {"nl": "Opnieuw beoordelen", "en": "Review again"},
        "upload.committing": {
            "nl": "Bezig met vastleggen en met het beschermen van de cijfers voor het dashboard; "
            "dat kan bij weinig meldingen tot een halve minuut duren…",
            "en": "Committing and protecting the figures for the dashboard; with few reports this "
            "can take up to half a minute…",
        },
        "upload.conflict": {
            "nl": "**Versieconflict.** Terwijl u keek, heeft iemand anders nieuwe gegevens vastgelegd "
            "voor {scopes}. Er is niets opgeslagen. Beoordeel de wijzigingen opnieuw en leg dan vast.",
            "en": "**Version conflict.** While you were reviewing, someone else committed new data "
            "for {scopes}. Nothing was stored. Review the changes again, then commit.",
        },
        "upload.receipt_heading": {"nl": "Ontvangstbewijs", "en": "Receipt"},
        "upload.receipt_loaded": {
            "nl": "**{file}** is vastgelegd als **{submission_id}**: {rows} regels, {reports} "
            "meldingen. De cijfers op de andere pagina's zijn bijgewerkt.",
            "en": "**{file}** is committed as **{submission_id}**: {rows} rows, {reports} reports. The "
            "figures on the other pages are updated.",
        },
        "upload.receipt_unchanged": {
            "nl": "**{file}** was al precies zo vastgelegd als **{submission_id}**; er is niets "
            "veranderd.",
            "en": "**{file}** was already committed exactly like this as **{submission_id}**; nothing "
            "changed.",
        },
        "upload.receipt_replaced": {
            "nl": "Vervangt {old_submission_id} voor {scope}.",
            "en": "Replaces {old_submission_id} for {scope}.",
        },
        "upload.receipt_new_scope": {
            "nl": "Vervangt niets (nieuw: {scope}).",
            "en": "Replaces nothing (new: {scope}).",
        },
        "upload.receipt_sha": {"nl": "sha256: `{sha256}`", "en": "sha256: `{sha256}`"},
        "upload.receipt_by": {
            "nl": "Vastgelegd door {identity}.",
            "en": "Committed by {identity}.",
        },
        "upload.receipt_note": {"nl": "Toelichting: {note}", "en": "Note: {note}"},
        "upload.history_heading": {"nl": "Geschiedenis", "en": "History"},
        "upload.history_department": {"nl": "Departement", "en": "Department"},
        "upload.history_empty": {
            "nl": "Voor {department} is nog niets vastgelegd.",
            "en": "Nothing has been committed for {department} yet.",
        },
        "upload.status.in_force": {"nl": "geldt", "en": "in force"},
        "upload.status.partly": {"nl": "deels vervangen", "en": "partly replaced"},
        "upload.status.replaced": {"nl": "vervangen", "en": "replaced"},
        "upload.download_choice": {
            "nl": "Aangeleverd bestand downloaden",
            "en": "Download a submitted file",
        },
        "upload.download": {"nl": "Download {file}", "en": "Download {file}"},
        "upload.audit_heading": {"nl": "Logboek", "en": "Audit log"},
        "upload.action.commit": {"nl": "vastgelegd", "en": "committed"},
        "upload.action.replace": {"nl": "vervangen", "en": "replaced"},
        "upload.action.rebuild": {"nl": "warehouse herbouwd", "en": "warehouse rebuilt"},
        "upload.action.rejected": {"nl": "afgewezen", "en": "rejected"},
        "upload.action.conflict": {"nl": "versieconflict", "en": "version conflict"},
        "upload.action.denied": {"nl": "geweigerd (geen recht)", "en": "refused (no right)"},
        "upload.action.unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
        "upload.detail.replace": {
            "nl": "{old} voor {scope} vervangen door {new}",
            "en": "{old} for {scope} replaced by {new}",
        },
        "upload.detail.problems": {"nl": "{count} fout(en)", "en": "{count} problem(s)"},
        "auth.login": {"nl": "Inloggen", "en": "Log in"},
        "auth.logout": {"nl": "Uitloggen", "en": "Log out"},
        "auth.logged_in_as": {"nl": "Ingelogd als {name}", "en": "Logged in as {name}"},
        "auth.local_mode_sidebar": {
            "nl": "Lokale modus: {identity} (beheerder)",
            "en": "Local mode: {identity} (administrator)",
        },
        "auth.unconfigured_sidebar": {
            "nl": "Inloggen is niet ingesteld; aanleveren kan hier niet.",
            "en": "Login is not configured; submitting is not possible here.",
        },
        "auth.login_required_title": {"nl": "Inloggen", "en": "Log in"},
        "auth.login_required": {
            "nl": "Log in om de Meldingenmonitor Rijk te gebruiken.",
            "en": "Log in to use the Meldingenmonitor Rijk.",
        },
        "auth.no_access": {
            "nl": "U bent ingelogd als {identity}, maar hebt geen toegang. Neem contact op met de "
            "beheerder.",
            "en": "You are logged in as {identity}, but have no access. Contact the administrator.",
        },
    }
)

# --- statistics: survey notes and capture-recapture messages ----------------------------------------
TEXTS.update(
    {
        "survey.note.fte_approximates_persons": {
            "nl": "Het aantal medewerkers is benaderd met het aantal fte van sector Rijk; door "
            "deeltijdwerk zijn er meer personen dan fte, dus het aantal mensen met een ervaring is "
            "eerder onderschat.",
            "en": "The workforce is approximated by the fte of sector Rijk; part-time work means "
            "there are more persons than fte, so the number of people with an experience is more "
            "likely underestimated.",
        },
        "survey.note.sample_size_unknown": {
            "nl": "De steekproefomvang van de enquête is onbekend, dus er is geen "
            "onzekerheidsmarge te geven; alleen de puntschatting.",
            "en": "The survey's sample size is unknown, so no sampling interval can be given; "
            "point estimates only.",
        },
        "survey.note.finite_population_correction": {
            "nl": "De steekproef is een groot deel van de populatie; de marge is daarom verkleind "
            "met de eindige-populatiecorrectie.",
            "en": "The sample is a large share of the population; the interval is narrowed by the "
            "finite-population correction.",
        },
        "survey.note.census": {
            "nl": "De hele populatie is ondervraagd; er is geen steekproefonzekerheid.",
            "en": "The whole population was surveyed; there is no sampling uncertainty.",
        },
        "survey.note.no_reports": {
            "nl": "Er zijn geen meldingen geregistreerd; '1 op de X' is niet te bepalen.",
            "en": "No reports were registered; '1 in X' is not defined.",
        },
        "survey.note.zero_prevalence": {
            "nl": "De enquête meldt geen ervaringen (prevalentie 0); de meldingsgraad is niet te "
            "bepalen.",
            "en": "The survey found no experiences (prevalence 0); the reporting ratio is not defined.",
        },
        "survey.note.reports_exceed_victims": {
            "nl": "Er zijn meer meldingen dan geschatte mensen met een ervaring; enquête en "
            "registratie meten dan niet hetzelfde (periode, definitie, meerdere meldingen per "
            "persoon).",
            "en": "There are more reports than estimated people with an experience; survey and "
            "register then do not measure the same thing (period, definition, several reports "
            "per person).",
        },
        "survey.note.workforce_size_missing": {
            "nl": "Het aantal medewerkers ontbreekt voor dit jaar; niet te schatten.",
            "en": "The workforce size is missing for this year; not estimable.",
        },
        "survey.note.prevalence_missing": {
            "nl": "Er is geen enquêtecijfer voor dit jaar; niet te schatten.",
            "en": "There is no survey figure for this year; not estimable.",
        },
        "mse.interval_note.lower_at_observed": {
            "en": "the lower limit is the number of cases observed",
            "nl": "de ondergrens is het aantal waargenomen gevallen",
        },
        "mse.interval_note.upper_unbounded": {
            "en": "no upper limit: the likelihood stays above the cut-off up to 100 times N",
            "nl": "geen bovengrens: de aannemelijkheid blijft tot 100 maal N boven de drempel",
        },
        "mse.interval_note.bootstrap_failures": {
            "en": "some bootstrap replicates were not estimable and were left out",
            "nl": "sommige bootstrapreplicaties waren niet te schatten en zijn weggelaten",
        },
        "mse.table_error.unreadable": {
            "en": "cannot read the file: {detail}",
            "nl": "het bestand is niet te lezen: {detail}",
        },
        "mse.table_error.empty": {"en": "the table is empty", "nl": "de tabel is leeg"},
        "mse.table_error.no_count_column": {
            "en": "there is no '{count}' column (columns found: {columns})",
            "nl": "er is geen kolom '{count}' (gevonden kolommen: {columns})",
        },
        "mse.table_error.too_few_lists": {
            "en": "at least two list columns besides '{count}' are needed, found {found}",
            "nl": "er zijn minstens twee lijstkolommen naast '{count}' nodig, gevonden: {found}",
        },
        "mse.table_error.bad_list_name": {
            "en": "list name {value!r} is empty, repeated or contains ':' or ','",
            "nl": "lijstnaam {value!r} is leeg, dubbel of bevat ':' of ','",
        },
        "mse.table_error.wrong_field_count": {
            "en": "expected {expected} values, found {found}",
            "nl": "{expected} waarden verwacht, {found} gevonden",
        },
        "mse.table_error.not_binary": {
            "en": "value {value!r} is not 0 or 1",
            "nl": "waarde {value!r} is geen 0 of 1",
        },
        "mse.table_error.bad_count": {
            "en": "count {value!r} is not a whole number of zero or more",
            "nl": "aantal {value!r} is geen geheel getal van nul of meer",
        },
        "mse.table_error.all_zero_history": {
            "en": "the history with no list at all cannot be observed, but has count {value}",
            "nl": "de historie zonder enige lijst kan niet waargenomen zijn, maar heeft aantal {value}",
        },
        "mse.table_error.no_cases": {
            "en": "the table counts no cases at all",
            "nl": "de tabel telt geen enkel geval",
        },
    }
)

# --- python -m analysis mse ---------------------------------------------------------------------------
TEXTS.update(
    {
        "mse.cli.title": {
            "nl": "Meervoudige-systeemschatting (log-lineair Poissonmodel) voor {file}",
            "en": "Multiple systems estimation (log-linear Poisson model) for {file}",
        },
        "mse.cli.lists": {"nl": "Lijsten", "en": "Lists"},
        "mse.cli.n_observed": {"nl": "Waargenomen gevallen (n)", "en": "Observed cases (n)"},
        "mse.cli.model": {
            "nl": "Model (tweewegsinteracties)",
            "en": "Model (two-way interactions)",
        },
        "mse.cli.chosen_by": {"nl": "Gekozen met", "en": "Chosen by"},
        "mse.cli.n_hat": {"nl": "Geschatte totale omvang (N)", "en": "Estimated total (N)"},
        "mse.cli.se": {"nl": "Standaardfout", "en": "Standard error"},
        "mse.cli.interval": {"nl": "{level}%-interval", "en": "{level}% interval"},
        "mse.cli.interval_method": {"nl": "Intervalmethode", "en": "Interval method"},
        "mse.cli.deviance": {"nl": "Deviantie", "en": "Deviance"},
        "mse.cli.deviance_value": {
            "nl": "{deviance} bij {df} vrijheidsgraden",
            "en": "{deviance} on {df} degrees of freedom",
        },
        "mse.cli.deviance_value_one": {
            "nl": "{deviance} bij 1 vrijheidsgraad",
            "en": "{deviance} on 1 degree of freedom",
        },
        "mse.cli.unbounded": {"nl": "onbegrensd", "en": "unbounded"},
        "mse.cli.independence": {
            "nl": "onafhankelijkheid (geen interacties)",
            "en": "independence (no interactions)",
        },
        "mse.cli.empty_overlaps": {
            "nl": "Lijsten zonder gedeelde gevallen (interactie op -oneindig gezet)",
            "en": "Lists sharing no case (interaction set to -infinity)",
        },
        "mse.cli.note": {"nl": "Let op", "en": "Note"},
        "mse.cli.methods.independence": {
            "nl": "onafhankelijkheidsmodel",
            "en": "independence model",
        },
        "mse.cli.methods.saturated": {
            "nl": "verzadigd model (alle tweewegsinteracties)",
            "en": "saturated model (all two-way interactions)",
        },
        "mse.cli.methods.fixed": {"nl": "opgegeven model", "en": "given model"},
        "mse.cli.methods.stepwise": {
            "nl": "stapsgewijze keuze (Chan, Silverman & Vincent 2021), drempel {pthresh}",
            "en": "stepwise choice (Chan, Silverman & Vincent 2021), threshold {pthresh}",
        },
        "mse.cli.methods.aic": {
            "nl": "kleinste AIC over alle hiërarchische modellen",
            "en": "smallest AIC over all hierarchical models",
        },
        "mse.cli.methods.bic": {
            "nl": "kleinste BIC over alle hiërarchische modellen",
            "en": "smallest BIC over all hierarchical models",
        },
        "mse.cli.intervals.profile": {
            "nl": "profiel-aannemelijkheid met Cormack-correctie",
            "en": "profile likelihood with Cormack correction",
        },
        "mse.cli.intervals.lognormal": {
            "nl": "log-normaal, Chao 1987",
            "en": "log-normal, Chao 1987",
        },
        "mse.cli.intervals.bca": {
            "nl": "BCa-bootstrap, {n_boot} replicaties, modelkeuze herhaald",
            "en": "BCa bootstrap, {n_boot} replicates, model choice repeated",
        },
        "mse.cli.error_input": {"nl": "Fout in invoer", "en": "Error in input"},
        "mse.cli.error_argument": {"nl": "Fout in argument", "en": "Error in argument"},
        "mse.cli.not_estimable": {"nl": "Niet te schatten", "en": "Not estimable"},
        "mse.cli.not_identifiable": {
            "nl": "model {model} is niet identificeerbaar: de ontwerpmatrix heeft niet volle rang (tekort {deficiency})",
            "en": "model {model} is not identifiable: the design matrix is rank deficient (by {deficiency})",
        },
        "mse.cli.no_mle": {
            "nl": "voor model {model} bestaat de meest aannemelijke schatting niet: de tellingen liggen op de rand (een cel zou op nul geschat moeten worden)",
            "en": "for model {model} the maximum likelihood estimate does not exist: the counts lie on the boundary (a cell would have to be estimated as zero)",
        },
    }
)
