"""Texts of exports and the briefing document."""

TEXTS: dict[str, dict[str, str]] = {
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
        "nl": "De grafiek als afbeelding (met titel en bron), de toelichting als tekst en de "
        "tabel erachter, met alleen beschermde aantallen.",
        "en": "The chart as an image (with title and source), its notes as text and the table "
        "behind it, with protected counts only.",
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
    "export.chart_notes_title": {
        "nl": "Toelichting bij de grafiek '{title}'",
        "en": "Notes on the chart '{title}'",
    },
    "export.txt": {"nl": "Toelichting bij de grafiek (TXT)", "en": "Notes on the chart (TXT)"},
    "export.source_survey": {
        "nl": "Bron: {surveys}; Meldingenmonitor Rijk.",
        "en": "Source: {surveys}; Meldingenmonitor Rijk.",
    },
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
        "nl": "Gemaakt op {date} met de Meldingenmonitor Rijk, uit {count} geldende "
        "aanleveringen; de laatste, {submission}, is geladen op {loaded}.",
        "en": "Made on {date} with the Meldingenmonitor Rijk, from {count} submissions in force; "
        "the latest, {submission}, was loaded on {loaded}.",
    },
    "export.briefing_notes": {"nl": "Toelichting", "en": "Notes"},
    "export.briefing_notes_intro": {
        "nl": "Deze toelichting geldt voor alle figuren en tabellen; onder elke figuur en tabel "
        "staat in één regel welke noten erbij horen.",
        "en": "These notes apply to every figure and table; under each figure and table one line "
        "says which of them apply to it.",
    },
    "export.source_short": {
        "nl": "Bron: Meldingenmonitor Rijk, registraties van meldingen bij de ministeries.",
        "en": "Source: Meldingenmonitor Rijk, registrations of reports with the ministries.",
    },
    "export.note.line": {
        "nl": "Noten: {items} (zie Toelichting).",
        "en": "Notes: {items} (see Notes).",
    },
    "export.note.below": {
        "nl": "'{below}' = 1 tot en met {max_small}",
        "en": "'{below}' = 1 to {max_small}",
    },
    "export.note.secondary": {
        "nl": "'{secondary}' = afgeschermd",
        "en": "'{secondary}' = protected",
    },
    "export.note.incomplete": {"nl": "onvolledig {years}", "en": "incomplete {years}"},
    "export.note.breaks": {"nl": "reeksbreuk {years}", "en": "series break {years}"},
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
    "export.chart_change_caution_lines": {
        "nl": "Bij kleine aantallen, zoals hier bij {lines}, zegt een verschil tussen twee jaren "
        "weinig: kijk naar de 95%-intervallen.",
        "en": "With small counts, as here for {lines}, a difference between two years says "
        "little: look at the 95% intervals.",
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
