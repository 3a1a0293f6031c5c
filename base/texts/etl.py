"""Texts of loading files: where a problem is, file, structure and value problems, loading, coverage."""

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
