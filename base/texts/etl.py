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
    "file.too_many_columns": {
        "nl": "Deze regel loopt tot kolom {found}; de grens is {limit} kolommen. Verwijder lege of "
        "overbodige kolommen (ook kolommen met alleen opmaak of een losse waarde ver naar rechts) "
        "en lever opnieuw aan.",
        "en": "This row runs to column {found}; the limit is {limit} columns. Remove empty or "
        "unneeded columns (also columns with only formatting or a stray value far to the right) "
        "and submit again.",
    },
    "file.too_many_cells": {
        "nl": "Het bestand heeft meer dan {limit} cellen (regels × kolommen). Verwijder lege kolommen "
        "of splits het bestand per departement of jaar.",
        "en": "The file has more than {limit} cells (rows × columns). Remove empty columns or split "
        "the file by department or year.",
    },
    "file.xlsx_unpacked_too_large": {
        "nl": "Het Excel-bestand wordt uitgepakt {size_mb} MB; de grens is {limit_mb} MB. Lever de "
        "gegevens aan als CSV of splits het bestand per departement of jaar.",
        "en": "The Excel file unpacks to {size_mb} MB; the limit is {limit_mb} MB. Submit the data "
        "as CSV or split the file by department or year.",
    },
    "file.xlsx_part_too_large": {
        "nl": "Een onderdeel van het Excel-bestand ({part}) wordt uitgepakt {size_mb} MB; de grens "
        "is {limit_mb} MB. Sla het bestand op als CSV en lever dat aan.",
        "en": "A part of the Excel file ({part}) unpacks to {size_mb} MB; the limit is {limit_mb} "
        "MB. Save the file as CSV and submit that.",
    },
    "file.xlsx_packed_too_densely": {
        "nl": "Het Excel-bestand is {ratio} keer samengeperst; een gewoon werkblad hooguit enkele "
        "tientallen keren. Dit bestand wordt niet gelezen. Sla het opnieuw op in Excel of lever "
        "CSV aan.",
        "en": "The Excel file is packed {ratio} times; an ordinary sheet at most a few dozen times. "
        "This file is not read. Save it again in Excel or submit CSV.",
    },
    "file.resources_exceeded": {
        "nl": "Het controleren van dit bestand vraagt meer dan {limit_mb} MB geheugen en is "
        "afgebroken. Verwijder lege rijen en kolommen (ook met alleen opmaak), sla het op als "
        "CSV of splits het per departement of jaar.",
        "en": "Checking this file needs more than {limit_mb} MB of memory and was stopped. Remove "
        "empty rows and columns (also those with only formatting), save it as CSV or split it by "
        "department or year.",
    },
    "file.validation_timeout": {
        "nl": "Het controleren van dit bestand duurt langer dan {seconds} seconden en is afgebroken. "
        "Sla het op als CSV of splits het per departement of jaar.",
        "en": "Checking this file takes longer than {seconds} seconds and was stopped. Save it as "
        "CSV or split it by department or year.",
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
        "jaar, kanaal en categorie; een fte-bestand departement, jaar en fte; een "
        "maatregelenbestand departement, jaar, soort en aantal. Zie het gegevenscontract "
        "(docs/data-contract.md).",
        "en": "No known columns found. A reports file has the columns departement, jaar, kanaal and "
        "categorie; an fte file departement, jaar and fte; a measures file departement, jaar, "
        "soort and aantal. See the data contract (docs/data-contract.md).",
    },
    "file.ambiguous_kind": {
        "nl": "De kolommen horen bij twee soorten bestand: {report_columns} bij een "
        "meldingenbestand, {measure_columns} bij een maatregelenbestand. Lever meldingen en "
        "maatregelen in aparte bestanden aan.",
        "en": "The columns belong to two kinds of file: {report_columns} to a reports file, "
        "{measure_columns} to a measures file. Submit reports and measures in separate files.",
    },
    "file.kind_undecided": {
        "nl": "Uit de kolommen en de kolom soort blijkt niet of dit een meldingenbestand of een "
        "maatregelenbestand is. Een meldingenbestand heeft een kolom kanaal; in een "
        "maatregelenbestand staat in de kolom soort een van: {kinds}.",
        "en": "Neither the columns nor the column soort tell whether this is a reports file or a "
        "measures file. A reports file has a column kanaal; in a measures file the column soort "
        "holds one of: {kinds}.",
    },
    "file.header_only_measures": {
        "nl": "Het bestand bevat alleen een kopregel. Geen maatregelen dit jaar? Zet dan per soort "
        "een regel met aantal 0; het aantal vertrouwenspersonen aan het eind van het jaar hoort "
        "er altijd in.",
        "en": "The file contains only a header row. No measures this year? Then add one row per "
        "kind with count 0; the number of confidential advisers at the end of the year always "
        "belongs in it.",
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
        "nl": "Onbekende kolomnaam. Verwijder de kolom of gebruik een naam uit het "
        "gegevenscontract ({known}).",
        "en": "Unknown column name. Remove the column or use a name from the data contract "
        "({known}).",
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
    "header.personal_value": {
        "nl": "De kolomnaam lijkt een {kind}. Persoonsgegevens horen niet in deze aanlevering: "
        "verwijder de kolom of geef haar een naam uit het gegevenscontract en lever opnieuw aan.",
        "en": "The column name looks like {kind}. Personal data does not belong in this "
        "submission: remove the column or give it a name from the data contract and submit "
        "again.",
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
    "pii.iban": {"nl": "rekeningnummer (IBAN)", "en": "a bank account number (IBAN)"},
    "value.total_row": {
        "nl": "Dit lijkt een totaalregel ('{value}'). Verwijder totaalregels: de monitor telt zelf op.",
        "en": "This looks like a totals row ('{value}'). Remove totals rows: the monitor adds up "
        "itself.",
    },
    "value.department_unknown": {
        "nl": "Onbekend departement. Gebruik een afkorting ({codes}) of de naam van een "
        "ministerie in sector Rijk.",
        "en": "Unknown department. Use a code ({codes}) or the name of a sector Rijk ministry.",
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
        "nl": "Het jaar is geen jaartal van vier cijfers. Schrijf het jaar voluit, zoals 2024.",
        "en": "The year is not a four-digit year. Write the year in full, such as 2024.",
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
        "nl": "Onbekend kanaal. Kies uit: {allowed}.",
        "en": "Unknown channel. Choose from: {allowed}.",
    },
    "value.category_unknown": {
        "nl": "Onbekende categorie. Kies uit: {allowed}.",
        "en": "Unknown category. Choose from: {allowed}.",
    },
    "value.concerns_unknown": {
        "nl": "Onbekende waarde voor betreft_discriminatie. Kies uit: ja, deels, nee.",
        "en": "Unknown value for betreft_discriminatie. Choose from: ja, deels, nee.",
    },
    "value.ground_unknown": {
        "nl": "Onbekende discriminatiegrond. Kies uit: {allowed}.",
        "en": "Unknown ground of discrimination. Choose from: {allowed}.",
    },
    "value.outcome_unknown": {
        "nl": "Onbekende uitkomst. Kies uit: {allowed}.",
        "en": "Unknown outcome. Choose from: {allowed}.",
    },
    "value.organisation_too_long": {
        "nl": "De organisatie is langer dan {limit} tekens. Gebruik een korte naam van het onderdeel.",
        "en": "The organisation is longer than {limit} characters. Use a short unit name.",
    },
    "value.count_decimal": {
        "nl": "Het aantal is geen heel getal. Lever ruwe aantallen aan als hele getallen zonder "
        "punt of komma (ook geen duizendtalscheiding).",
        "en": "The count is not a whole number. Submit raw counts as whole numbers without "
        "point or comma (no thousands separator either).",
    },
    "value.count_scientific": {
        "nl": "Het aantal staat in wetenschappelijke notatie. Maak de kolom in Excel op als "
        "'Getal' zonder decimalen en exporteer opnieuw.",
        "en": "The count is in scientific notation. Format the column in Excel as 'Number' "
        "without decimals and export again.",
    },
    "value.count_negative": {
        "nl": "Het aantal is negatief. Een aantal is 0 of meer.",
        "en": "The count is negative. A count is 0 or more.",
    },
    "value.count_suppressed": {
        "nl": "Het aantal is al afgeschermd (met < of >). Lever de ruwe aantallen aan: de monitor "
        "schermt kleine aantallen zelf af voordat iets wordt getoond.",
        "en": "The count is already suppressed (with < or >). Submit raw counts: the monitor "
        "protects small numbers itself before anything is shown.",
    },
    "value.count_not_number": {
        "nl": "Het aantal is geen getal. Vul een heel getal in (0 voor 'geen meldingen').",
        "en": "The count is not a number. Enter a whole number (0 for 'no reports').",
    },
    "value.count_too_large": {
        "nl": "Het aantal is groter dan {limit}: onwaarschijnlijk groot voor één regel. Controleer "
        "de waarde.",
        "en": "The count is over {limit}: implausibly large for one row. Check the value.",
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
        "nl": "De fte is geen geldig getal. Gebruik cijfers met hoogstens twee decimalen "
        "(zoals 1234,5) zonder duizendtalscheiding.",
        "en": "The fte is not a valid number. Use digits with at most two decimals (such as "
        "1234.5) without a thousands separator.",
    },
    "value.employees_invalid": {
        "nl": "Het aantal medewerkers is geen heel getal van 0 of meer.",
        "en": "The number of employees is not a whole number of 0 or more.",
    },
    "value.fte_duplicate": {
        "nl": "Voor {department} {year} staat al een fte-waarde op regel {first_line}. Geef één "
        "waarde per departement en jaar.",
        "en": "{department} {year} already has an fte value on line {first_line}. Give one value per "
        "department and year.",
    },
    "value.measure_kind_unknown": {
        "nl": "Onbekende soort maatregel. Kies uit: {allowed}.",
        "en": "Unknown kind of measure. Choose from: {allowed}.",
    },
    "value.activities_invalid": {
        "nl": "Het aantal is geen heel getal. Vul het aantal activiteiten in als heel getal zonder "
        "punt of komma (bij vertrouwenspersonen: het aantal aan het eind van het jaar; 0 voor "
        "'geen').",
        "en": "The count is not a whole number. Enter the number of activities as a whole number "
        "without point or comma (for confidential advisers: the number at the end of the year; "
        "0 for 'none').",
    },
    "value.activities_negative": {
        "nl": "Het aantal is negatief. Een aantal is 0 of meer.",
        "en": "The count is negative. A count is 0 or more.",
    },
    "value.participants_invalid": {
        "nl": "Het aantal deelnemers is geen heel getal van 0 of meer. Vul een heel getal in zonder "
        "punt of komma, of laat de cel leeg als het aantal niet bekend is.",
        "en": "The number of participants is not a whole number of 0 or more. Enter a whole "
        "number without point or comma, or leave the cell empty when it is not known.",
    },
    "value.measure_duplicate": {
        "nl": "Voor {department} {year} soort {measure} staat met dezelfde organisatie al een regel "
        "op regel {first_line}. Tel ze op tot één regel, of geef elke regel de eigen organisatie.",
        "en": "{department} {year} kind {measure} already has a row with the same organisation on "
        "line {first_line}. Add them up into one row, or give each row its own organisation.",
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
    "load.loaded_measures": {
        "nl": "GELADEN {file} als {submission_id}: {rows} regels maatregelen; dekking {scope}.",
        "en": "LOADED {file} as {submission_id}: {rows} rows of measures; covers {scope}.",
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
    # --- the warehouse's storage (etl.cli.storage_message; docs/deployment.md) ------------------
    "rebuild.from_raw": {
        "nl": "Het warehouse {path} ontbreekt of is onleesbaar: het wordt opnieuw opgebouwd uit "
        "de ruwe bestanden en het manifest in {store}.",
        "en": "The warehouse {path} is missing or unreadable: it is rebuilt from the raw files "
        "and the manifest in {store}.",
    },
    "rebuild.no_manifest": {
        "nl": "Er is geen manifest in {store}: uit de ruwe bestanden alleen kan het warehouse niet "
        "worden opgebouwd. Zet een back-up terug (docs/deployment.md, 'Restoring the warehouse').",
        "en": "There is no manifest in {store}: the warehouse cannot be rebuilt from the raw "
        "files alone. Restore a backup (docs/deployment.md, 'Restoring the warehouse').",
    },
    "storage.corrupt": {
        "nl": "Het warehouse {path} is beschadigd of onleesbaar; er is niets veranderd. Herbouw "
        "het uit de ruwe bestanden met 'python -m etl rebuild --db {path}' of zet een back-up "
        "terug: zie 'Restoring the warehouse' in docs/deployment.md.",
        "en": "The warehouse {path} is damaged or unreadable; nothing was changed. Rebuild it "
        "from the raw files with 'python -m etl rebuild --db {path}' or restore a backup: see "
        "'Restoring the warehouse' in docs/deployment.md.",
    },
    "storage.locked": {
        "nl": "Het warehouse {path} is geopend door een ander proces dat erin schrijft (met de "
        "hand?); er is niets veranderd. Sluit dat proces en probeer het opnieuw (docs/"
        "deployment.md).",
        "en": "The warehouse {path} is open in another process that writes to it (by hand?); "
        "nothing was changed. Close that process and try again (docs/deployment.md).",
    },
    "storage.disk_full": {
        "nl": "De schijf is vol: er kon niet worden geschreven naast het warehouse {path}. Er is "
        "niets veranderd; het warehouse is zoals het was. Maak ruimte vrij en probeer het "
        "opnieuw (docs/deployment.md, 'Restoring the warehouse').",
        "en": "The disk is full: nothing could be written beside the warehouse {path}. Nothing "
        "was changed; the warehouse is as it was. Free some space and try again "
        "(docs/deployment.md, 'Restoring the warehouse').",
    },
    "storage.warehouse_lost": {
        "nl": "Het warehouse {path} ontbreekt, maar de ruwe bestanden ernaast bevatten "
        "{submissions} aanleveringen; er is niets geladen. Bouw het eerst opnieuw op met "
        "'python -m etl rebuild --db {path}' (docs/deployment.md, 'Restoring the warehouse').",
        "en": "The warehouse {path} is missing, but the raw files beside it hold {submissions} "
        "submissions; nothing was loaded. Rebuild it first with 'python -m etl rebuild --db "
        "{path}' (docs/deployment.md, 'Restoring the warehouse').",
    },
    "storage.raw_missing": {
        "nl": "Het ruwe bestand {sha256} ontbreekt in {store} of is beschadigd; er is niets "
        "veranderd. Zet de ruwe bestanden terug uit de back-up: zie 'Restoring the warehouse' "
        "in docs/deployment.md.",
        "en": "The raw file {sha256} is missing from {store} or damaged; nothing was changed. "
        "Restore the raw files from the backup: see 'Restoring the warehouse' in "
        "docs/deployment.md.",
    },
}
