"""Texts of the dashboard."""

TEXTS: dict[str, dict[str, str]] = {
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
    # Streamlit's and plotly's own strings (app.styles.STREAMLIT_STRINGS): the English text is
    # exactly what they write; the Dutch replaces it on Dutch pages.
    "streamlit.app_pages": {"nl": "Pagina's", "en": "App pages"},
    "streamlit.autoscale": {"nl": "Automatisch schalen", "en": "Autoscale"},
    "streamlit.collapse_sidebar": {"nl": "Zijbalk inklappen", "en": "Collapse sidebar"},
    "streamlit.expand_sidebar": {"nl": "Zijbalk uitklappen", "en": "Expand sidebar"},
    "streamlit.fullscreen": {"nl": "Volledig scherm", "en": "Fullscreen"},
    "streamlit.close_fullscreen": {"nl": "Volledig scherm sluiten", "en": "Close fullscreen"},
    "streamlit.link_to_heading": {"nl": "Link naar deze kop", "en": "Link to heading"},
    "streamlit.pan": {"nl": "Verschuiven", "en": "Pan"},
    "streamlit.reset_axes": {"nl": "Assen herstellen", "en": "Reset axes"},
    "streamlit.search": {"nl": "Zoeken", "en": "Search"},
    "streamlit.show_hide_columns": {
        "nl": "Kolommen tonen of verbergen",
        "en": "Show/hide columns",
    },
    "streamlit.sidebar": {"nl": "Zijbalk", "en": "Sidebar"},
    "streamlit.zoom": {"nl": "Zoomen", "en": "Zoom"},
    "streamlit.zoom_in": {"nl": "Inzoomen", "en": "Zoom in"},
    "streamlit.zoom_out": {"nl": "Uitzoomen", "en": "Zoom out"},
    "streamlit.open": {"nl": "Openen", "en": "Open"},
    "streamlit.close": {"nl": "Sluiten", "en": "Close"},
    "streamlit.choose_option": {"nl": "Kies een optie", "en": "Choose an option"},
    "streamlit.download_csv": {"nl": "Downloaden als CSV", "en": "Download as CSV"},
    "streamlit.clear_all": {"nl": "Alles wissen", "en": "Clear all"},
    "streamlit.help_for": {"nl": "Uitleg bij ", "en": "Help for "},
    "streamlit.file_upload": {"nl": "Bestanden uploaden", "en": "file upload"},
    "not_found.title": {"nl": "Pagina niet gevonden", "en": "Page not found"},
    "not_found.body": {
        "nl": "Deze pagina bestaat niet in de Meldingenmonitor Rijk. Kies een pagina in het menu "
        "links, of ga naar het overzicht.",
        "en": "This page does not exist in Meldingenmonitor Rijk. Choose a page in the menu on "
        "the left, or go to the overview.",
    },
    "not_found.to_overview": {"nl": "Naar het overzicht", "en": "To the overview"},
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
        "nl": "Deze cijfers rusten op {count} aanleveringen van de ministeries; de laatste "
        "({latest}) is geladen op {date}.",
        "en": "These figures rest on {count} submissions from the ministries; the latest "
        "({latest}) was loaded on {date}.",
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
    "chart.hidden_segment_named": {"nl": "Afgeschermd: {items}", "en": "Not shown: {items}"},
    "chart.hidden_segment_year": {
        "nl": "{year}, afgeschermd: {parts}; samen {count}",
        "en": "{year}, not shown: {parts}; together {count}",
    },
    "chart.hidden_segment_note": {
        "nl": "Het grijze, gearceerde deel bevat per jaar: {parts}.",
        "en": "The grey hatched part holds, per year: {parts}.",
    },
    "chart.hidden_small": {"nl": "{items} (elk <{threshold})", "en": "{items} (each <{threshold})"},
    "chart.hidden_small_one": {"nl": "{items} (<{threshold})", "en": "{items} (<{threshold})"},
    "chart.hidden_large": {
        "nl": "{items} ({symbol}: elk {threshold} of meer)",
        "en": "{items} ({symbol}: each {threshold} or more)",
    },
    "chart.hidden_large_one": {
        "nl": "{items} ({symbol}: {threshold} of meer)",
        "en": "{items} ({symbol}: {threshold} or more)",
    },
    "chart.list_and": {"nl": "en", "en": "and"},
    "chart.interval": {"nl": "95%-interval", "en": "95% interval"},
    "chart.own_scale": {"nl": "eigen schaal", "en": "own scale"},
    "chart.table_alternative": {"nl": "Tabel bij deze grafiek", "en": "Table for this chart"},
    "label.total": {"nl": "Totaal", "en": "Total"},
    "label.year": {"nl": "Jaar", "en": "Year"},
    "label.and": {"nl": "en", "en": "and"},
    # measures and breakdowns
    "measure.discrimination": {
        "nl": "Meldingen over discriminatie en racisme",
        "en": "Reports concerning discrimination and racism",
    },
    "measure.all": {
        "nl": "Alle meldingen ongewenst gedrag",
        "en": "All reports of undesirable behaviour",
    },
    "measure_description.discrimination": {
        "nl": "Meldingen die geheel of deels over discriminatie of racisme gaan ('betreft "
        "discriminatie' ja of deels), bij alle geregistreerde kanalen en ministeries samen.",
        "en": "Reports concerning discrimination or racism entirely or partly ('concerns "
        "discrimination' yes or partly), across all registered channels and ministries.",
    },
    "measure_description.all": {
        "nl": "Alle meldingen van ongewenst gedrag, of ze nu over discriminatie gaan of niet, bij "
        "alle geregistreerde kanalen en ministeries samen.",
        "en": "All reports of undesirable behaviour, whether or not they concern discrimination, "
        "across all registered channels and ministries.",
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
    "summary.concerns_both_hidden": {
        "nl": "Hoeveel meldingen in {year} geheel of deels over discriminatie of racisme gingen, is "
        "afgeschermd: de aantallen zijn te klein om te tonen.",
        "en": "How many reports concerned discrimination or racism entirely or partly in {year} is "
        "not shown: the counts are too small to show.",
    },
    "summary.concerns_entirely_hidden": {
        "nl": "In {year} gingen {deels} meldingen deels over discriminatie of racisme; het aantal "
        "dat er geheel over ging, is afgeschermd.",
        "en": "In {year}, {deels} reports concerned discrimination or racism partly; the number "
        "that concerned it entirely is not shown.",
    },
    "summary.concerns_partly_hidden": {
        "nl": "In {year} gingen {ja} meldingen geheel over discriminatie of racisme; het aantal "
        "dat er deels over ging, is afgeschermd.",
        "en": "In {year}, {ja} reports concerned discrimination or racism entirely; the number "
        "that concerned it partly is not shown.",
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
    "summary.too_few_for": {
        "nl": "{label}: te weinig getoonde aantallen voor een samenvatting.",
        "en": "{label}: too few shown counts for a summary.",
    },
    "summary.trend_hidden": {
        "nl": "Afgeschermd: {years}.",
        "en": "Protected: {years}.",
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
    "trends.events": {
        "nl": "Genummerd in de grafiek (stippellijn):",
        "en": "Numbered in the chart (dashed line):",
    },
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
        "binomiale toets van het laatste jaar tegen het jaar ervoor (per 1.000 fte: met de fte als "
        "noemer). Trend: Poisson-regressie van de aantallen op het jaar over alle getoonde jaren "
        "(per 1.000 fte: met de fte als offset); schommelen de aantallen meer dan toeval verklaart, "
        "bijvoorbeeld omdat één zaak in twee kanalen is geregistreerd, dan wordt het interval "
        "breder (quasi-Poisson). Afgeschermde aantallen krijgen geen interval en geen toets.",
        "en": "Intervals: exact Poisson (Garwood, 95%). Change: exact conditional binomial test of "
        "the last year against the year before (per 1,000 fte: with the fte as denominator). "
        "Trend: Poisson regression of the counts on the year over all years shown (per 1,000 fte: "
        "with the fte as offset); where the counts vary more than chance explains, for instance "
        "because one case was registered in two channels, the interval is widened "
        "(quasi-Poisson). Protected counts get no interval and no test.",
    },
    "trends.chart_title_total": {
        "nl": "{measure} per jaar",
        "en": "{measure} per year",
    },
    "trends.change_heading_rate": {
        "nl": "Verandering naar {year}, per 1.000 fte",
        "en": "Change to {year}, per 1,000 fte",
    },
    "trends.trend_heading": {"nl": "Trend {years}", "en": "Trend {years}"},
    "trends.trend_heading_rate": {
        "nl": "Trend {years}, per 1.000 fte",
        "en": "Trend {years}, per 1,000 fte",
    },
    "trends.scale_unavailable": {
        "nl": "Per 1.000 fte kan alleen bij 'Totaal' en 'Ministerie': voor deze uitsplitsing is er "
        "geen noemer. De grafiek toont aantallen.",
        "en": "Per 1,000 fte is available only for 'Total' and 'Ministry': this breakdown has no "
        "denominator. The chart shows counts.",
    },
    "trends.total_row.channel": {
        "nl": "Totaal Rijk (alle kanalen)",
        "en": "Total central government (all channels)",
    },
    "trends.total_row.department": {
        "nl": "Totaal Rijk (alle ministeries)",
        "en": "Total central government (all ministries)",
    },
    "trends.total_row.category": {
        "nl": "Totaal Rijk (alle categorieën)",
        "en": "Total central government (all categories)",
    },
    "trends.total_row.concerns": {
        "nl": "Totaal Rijk (alle antwoorden)",
        "en": "Total central government (all answers)",
    },
    "trends.total_row.ground": {
        "nl": "Totaal Rijk (alle gronden)",
        "en": "Total central government (all grounds)",
    },
    "trends.total_row.outcome": {
        "nl": "Totaal Rijk (alle uitkomsten)",
        "en": "Total central government (all outcomes)",
    },
    "trends.total_column": {"nl": "Totaal {years}", "en": "Total {years}"},
    "trends.total_row_note": {
        "nl": "'{total}' telt alle meldingen van het hele Rijk, niet alleen de getoonde of "
        "gekozen regels.",
        "en": "'{total}' counts every report of the whole of central government, not only the "
        "rows shown or chosen.",
    },
    "trends.total_column_note": {
        "nl": "De kolom '{column}' telt alle jaren, ook die buiten de gekozen periode. Een totaal "
        "over een zelfgekozen periode wordt niet gepubliceerd: twee zulke totalen van elkaar "
        "afgetrokken zouden een afgeschermd aantal kunnen verraden.",
        "en": "The column '{column}' counts every year, also those outside the period chosen. A "
        "total over a period of your choice is not published: two such totals subtracted from "
        "each other could give away a protected number.",
    },
    # year-on-year change of a rate per 1,000 fte (exact conditional test, fte as exposures)
    "change_rate.significant_increase": {
        "nl": "Van {previous_year} naar {year} steeg het aantal meldingen per 1.000 fte van "
        "{previous} naar {rate}; die stijging is statistisch significant (exacte toets met de fte "
        "als noemer, p = {p}).",
        "en": "From {previous_year} to {year} reports per 1,000 fte rose from {previous} to "
        "{rate}; the increase is statistically significant (exact test with the fte as "
        "denominator, p = {p}).",
    },
    "change_rate.significant_decrease": {
        "nl": "Van {previous_year} naar {year} daalde het aantal meldingen per 1.000 fte van "
        "{previous} naar {rate}; die daling is statistisch significant (exacte toets met de fte "
        "als noemer, p = {p}).",
        "en": "From {previous_year} to {year} reports per 1,000 fte fell from {previous} to "
        "{rate}; the decrease is statistically significant (exact test with the fte as "
        "denominator, p = {p}).",
    },
    "change_rate.no_significant_change": {
        "nl": "Van {previous_year} naar {year}: {previous} en {rate} meldingen per 1.000 fte. Dat "
        "verschil is niet statistisch significant (exacte toets met de fte als noemer, p = {p}); "
        "het past bij toeval.",
        "en": "From {previous_year} to {year}: {previous} and {rate} reports per 1,000 fte. The "
        "difference is not statistically significant (exact test with the fte as denominator, "
        "p = {p}); it is consistent with chance.",
    },
    "change_rate.not_testable": {
        "nl": "De verandering per 1.000 fte ten opzichte van het jaar ervoor is niet te toetsen: "
        "een van beide aantallen is afgeschermd, of het fte-aantal ontbreekt.",
        "en": "The change per 1,000 fte from the previous year cannot be tested: one of the two "
        "counts is protected, or the fte is missing.",
    },
    # the trend over the years shown (analysis.trend_test)
    "trend.result": {
        "nl": "Gemiddeld {change} per jaar over {years} (95%-betrouwbaarheidsinterval {lower} tot "
        "{upper}; {p}): {verdict}",
        "en": "On average {change} a year over {years} (95% confidence interval {lower} to "
        "{upper}; {p}): {verdict}",
    },
    "trend.result_rate": {
        "nl": "Meldingen per 1.000 fte: gemiddeld {change} per jaar over {years} "
        "(95%-betrouwbaarheidsinterval {lower} tot {upper}; {p}): {verdict}",
        "en": "Reports per 1,000 fte: on average {change} a year over {years} (95% confidence "
        "interval {lower} to {upper}; {p}): {verdict}",
    },
    "trend.verdict_increase": {
        "nl": "een statistisch significante stijging.",
        "en": "a statistically significant increase.",
    },
    "trend.verdict_decrease": {
        "nl": "een statistisch significante daling.",
        "en": "a statistically significant decrease.",
    },
    "trend.verdict_none": {
        "nl": "geen aantoonbare trend; het verloop past bij toeval.",
        "en": "no demonstrable trend; the course is consistent with chance.",
    },
    "trend.overdispersed": {
        "nl": "De aantallen schommelen meer dan toeval alleen verklaart (spreiding {factor} keer "
        "zo groot), daarom is het interval breder genomen.",
        "en": "The counts vary more than chance alone explains (spread {factor} times as large), "
        "so the interval has been widened.",
    },
    "trend.without_fte": {
        "nl": "{years} telt niet mee: daarvoor ontbreekt het fte-aantal.",
        "en": "{years} is left out: its fte is missing.",
    },
    "trend.hidden": {
        "nl": "Geen trendtoets: in {years} is het aantal afgeschermd, en zonder die (kleine) "
        "aantallen zou de trend scheef uitvallen.",
        "en": "No trend test: in {years} the count is protected, and without those (small) "
        "counts the trend would be biased.",
    },
    "trend.too_few_years": {
        "nl": "Geen trendtoets: daarvoor zijn minstens {minimum} jaren nodig; kies een langere "
        "periode.",
        "en": "No trend test: it needs at least {minimum} years; choose a longer period.",
    },
    "trend.too_few_years_rate": {
        "nl": "Geen trendtoets per 1.000 fte: daarvoor zijn minstens {minimum} jaren met een "
        "fte-aantal nodig.",
        "en": "No trend test per 1,000 fte: it needs at least {minimum} years with fte.",
    },
    "trend.not_estimable": {
        "nl": "Geen trendtoets: alle meldingen vallen in het eerste of het laatste jaar.",
        "en": "No trend test: every report falls in the first or the last year.",
    },
    "trend.no_reports": {
        "nl": "Geen trendtoets: in deze jaren is er geen enkele melding.",
        "en": "No trend test: there is no report at all in these years.",
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
        "nl": "Per ministerie een regel voor elk kanaal waarvoor het ooit heeft aangeleverd. "
        "**aangeleverd**: er is een aanlevering, met of zonder meldingen (dat verschil zou kleine "
        "aantallen verraden en staat daarom nergens); **ontbreekt**: geen aanlevering; leeg: het "
        "ministerie bestond dat jaar niet. Een kanaal dat een ministerie niet heeft, staat er niet.",
        "en": "For each ministry one row per channel it has ever delivered for. **delivered**: a "
        "submission exists, with or without reports (that difference would give small numbers away "
        "and is therefore shown nowhere); **missing**: no submission; empty: the ministry did not "
        "exist that year. A channel a ministry does not have is not listed.",
    },
    "coverage.cell_delivered": {"nl": "aangeleverd", "en": "delivered"},
    "coverage.cell_missing": {"nl": "ontbreekt", "en": "missing"},
    "coverage.summary_delivered": {
        "nl": "Aanleveringen aanwezig (aantal)",
        "en": "Submissions delivered (number)",
    },
    "coverage.summary_missing": {
        "nl": "Aanleveringen ontbrekend (aantal)",
        "en": "Submissions missing (number)",
    },
    "coverage.summary_caption": {
        "nl": "Een aanlevering is één bestand van één ministerie voor één jaar en één kanaal; deze "
        "aantallen tellen aanleveringen, geen meldingen.",
        "en": "A submission is one file of one ministry for one year and one channel; these numbers "
        "count submissions, not reports.",
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
    # the stored file kinds (etl.contract), named in the page's language
    "history.kind.meldingen": {"nl": "meldingen", "en": "reports"},
    "history.kind.fte": {"nl": "fte", "en": "fte"},
    "history.kind.maatregelen": {"nl": "maatregelen", "en": "measures"},
    "history.covers": {"nl": "Dekt", "en": "Covers"},
    "history.loaded_at": {
        "nl": "Geladen op (Nederlandse tijd)",
        "en": "Loaded at (Netherlands time)",
    },
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
        "nl": "Geen melder mag herkenbaar zijn uit een grafiek, tabel, tooltip of downloadbestand, of "
        "uit het verschil tussen twee daarvan. Daarom:\n"
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
