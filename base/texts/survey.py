"""Texts of the survey comparison (publication.survey_comparison, presentation.survey_comparison):
each survey's name, definition and source in both languages, the reasons a survey is not compared,
the assumptions and the plain-words sentence."""

TEXTS: dict[str, dict[str, str]] = {
    "surveycmp.heading": {
        "nl": "Enquête naast register, gelijk gedefinieerd",
        "en": "Survey beside the register, matched on definitions",
    },
    "surveycmp.experimental": {
        "nl": "Experimentele statistiek",
        "en": "Experimental statistics",
    },
    "surveycmp.experimental_note": {
        "nl": "Experimentele statistiek: een nieuwe methode die nog in ontwikkeling is. De getallen "
        "rusten op aannames die hieronder staan en kunnen veranderen als betere gegevens komen.",
        "en": "Experimental statistics: a new method still under development. The numbers rest on "
        "the assumptions listed below and may change when better data arrive.",
    },
    "surveycmp.intro": {
        "nl": "Een enquête telt *mensen* die iets meemaakten, het register telt *meldingen*. Ze staan "
        "hier alleen naast elkaar waar de definities overeenkomen: dezelfde grond (racisme naast "
        "meldingen op grond van ras), dezelfde periode (één jaar), personen naast personen en "
        "dezelfde bevolking (medewerkers van het Rijk). Enquêtes die daar niet aan voldoen staan "
        "in de tabel met de reden.",
        "en": "A survey counts *people* who experienced something, the register counts *reports*. "
        "They are set side by side here only where the definitions match: the same ground (racism "
        "beside reports on the ground of race), the same period (one year), persons beside "
        "persons and the same population (central government staff). Surveys that do not match "
        "are in the table with their reason.",
    },
    "surveycmp.none": {
        "nl": "Geen enkele enquête is voor een geladen jaar gelijk gedefinieerd naast het register "
        "te zetten; de tabel geeft per enquête de reden.",
        "en": "No survey can be set beside the register of a loaded year on matched definitions; "
        "the table gives the reason for each survey.",
    },
    # --- the plain-words sentence -------------------------------------------------------------
    "surveycmp.headline.experienced": {
        "nl": "Ongeveer 1 op de {one_in} medewerkers van het Rijk ervoer in {year} {subject} op het "
        "werk: naar schatting {experienced} mensen (bandbreedte {lower} tot {upper}).",
        "en": "Roughly 1 in {one_in} central government staff experienced {subject} at work in "
        "{year}: an estimated {experienced} people (range {lower} to {upper}).",
    },
    "surveycmp.headline.experienced_spread": {
        "nl": "Ongeveer 1 op de {one_in} medewerkers van het Rijk ervoer in {year} {subject} op het "
        "werk. Hoeveel mensen dat zijn, ligt met de onzekerheden erbij ergens tussen {lower} en "
        "{upper}; één getal zou meer zekerheid suggereren dan er is.",
        "en": "Roughly 1 in {one_in} central government staff experienced {subject} at work in "
        "{year}. With the uncertainties included, the number of people lies somewhere between "
        "{lower} and {upper}; a single number would suggest more certainty than there is.",
    },
    "surveycmp.headline.registered": {
        "nl": "Ongeveer {persons} van hen kwamen met een melding {grounds} bij een geregistreerd "
        "meldkanaal: ongeveer 1 op de {reach_one_in}.",
        "en": "About {persons} of them reached a registered channel with a report {grounds}: "
        "roughly 1 in {reach_one_in}.",
    },
    "surveycmp.headline.registered_spread": {
        "nl": "Tussen {persons} en {persons_upper} van hen kwamen met een melding {grounds} bij een "
        "geregistreerd meldkanaal: tussen 1 op de {reach_high} en 1 op de {reach_low}. Die "
        "spreiding is de boodschap: het deel dat een kanaal bereikt is klein, hoe klein precies "
        "hangt af van definities en aannames.",
        "en": "Between {persons} and {persons_upper} of them reached a registered channel with a "
        "report {grounds}: between 1 in {reach_high} and 1 in {reach_low}. That spread is the "
        "message: the share reaching a channel is small, how small depends on definitions and "
        "assumptions.",
    },
    "surveycmp.subject.racism": {"nl": "racisme", "en": "racism"},
    "surveycmp.subject.discrimination": {"nl": "discriminatie", "en": "discrimination"},
    "surveycmp.grounds_words.racism": {
        "nl": "op grond van ras (herkomst, huidskleur)",
        "en": "on the ground of race (origin, skin colour)",
    },
    "surveycmp.grounds_words.discrimination": {
        "nl": "over discriminatie op een wettelijke grond",
        "en": "about discrimination on a legal ground",
    },
    # --- the table ------------------------------------------------------------------------------
    "surveycmp.col.survey": {"nl": "Enquête", "en": "Survey"},
    "surveycmp.col.year": {"nl": "Jaar", "en": "Year"},
    "surveycmp.col.experienced": {
        "nl": "Ervaren (personen, 95%-interval)",
        "en": "Experienced (persons, 95% interval)",
    },
    "surveycmp.col.experienced_band": {
        "nl": "Bandbreedte ervaren",
        "en": "Range experienced",
    },
    "surveycmp.col.registered": {
        "nl": "Geregistreerd (personen, tot)",
        "en": "Registered (persons, up to)",
    },
    "surveycmp.col.reaching": {
        "nl": "Deel dat een meldkanaal bereikt (95%-interval)",
        "en": "Share reaching a channel (95% interval)",
    },
    "surveycmp.col.reaching_band": {
        "nl": "Bandbreedte deel",
        "en": "Range of the share",
    },
    "surveycmp.col.compared": {"nl": "Vergeleken?", "en": "Compared?"},
    "surveycmp.yes": {"nl": "ja", "en": "yes"},
    "surveycmp.no": {"nl": "nee: {reasons}", "en": "no: {reasons}"},
    "surveycmp.interval": {"nl": "{value} ({lower}–{upper})", "en": "{value} ({lower}–{upper})"},
    "surveycmp.range": {"nl": "{lower}–{upper}", "en": "{lower}–{upper}"},
    "surveycmp.up_to": {"nl": "{value} (tot {upper})", "en": "{value} (up to {upper})"},
    # --- the reasons a survey is not compared -----------------------------------------------------
    "surveycmp.reason.reporting_share": {
        "nl": "dit is geen aandeel dat discriminatie ervoer, maar het deel van de mensen met zo'n "
        "ervaring dat het ergens meldde, gemeten in een andere bevolking en niet alleen op het werk",
        "en": "this is not a share who experienced discrimination but the share of people with "
        "such an experience who reported it, measured in another population and not only at work",
    },
    "surveycmp.reason.other_population": {
        "nl": "een andere bevolking dan de medewerkers van het Rijk",
        "en": "a population other than central government staff",
    },
    "surveycmp.reason.ever": {
        "nl": "de vraag gaat over 'ooit', niet over één jaar, dus niet te vergelijken met de "
        "meldingen van één jaar",
        "en": "the question is about 'ever', not one year, so it cannot be compared with one "
        "year's reports",
    },
    "surveycmp.reason.period_unknown": {
        "nl": "de bron noemt niet over welke periode gevraagd is",
        "en": "the source does not state the period asked about",
    },
    "surveycmp.reason.secondary_figure": {
        "nl": "het cijfer komt uit een secundaire bron (pers of samenvatting), niet uit de "
        "publicatie zelf",
        "en": "the figure comes from a secondary source (press or summary), not from the "
        "publication itself",
    },
    "surveycmp.reason.sample_size_unknown": {
        "nl": "de bron noemt geen steekproefomvang, dus er is geen interval te geven",
        "en": "the source gives no sample size, so no interval can be given",
    },
    "surveycmp.reason.workforce_unknown": {
        "nl": "het aantal medewerkers van dat jaar is niet bekend",
        "en": "the number of staff of that year is not known",
    },
    "surveycmp.reason.no_register_year": {
        "nl": "voor {year} zijn geen registraties geladen",
        "en": "no registrations are loaded for {year}",
    },
    "surveycmp.reason.register_unavailable": {
        "nl": "de meldingen naar discriminatiegrond zijn voor {year} niet gepubliceerd",
        "en": "the reports by ground of discrimination are not published for {year}",
    },
    "surveycmp.reason.register_hidden": {
        "nl": "de meldingen van {year} op grond van {grounds} zijn ter bescherming verborgen (<5 of "
        "x), dus voor dat jaar is er geen vergelijking",
        "en": "the reports of {year} on the ground of {grounds} are hidden for protection (<5 or "
        "x), so there is no comparison for that year",
    },
    "surveycmp.note.fte_approximates_persons": {
        "nl": "Het aantal medewerkers is in fte, als benadering van het aantal personen.",
        "en": "The number of staff is in fte, as an approximation of the number of persons.",
    },
    "surveycmp.note.not_deduplicated": {
        "nl": "Voor {year} is het aantal zaken na koppeling niet gepubliceerd: de registraties zelf "
        "gelden als personen (een bovengrens).",
        "en": "For {year} the number of cases after linking is not published: the registrations "
        "themselves count as persons (an upper bound).",
    },
    # --- the assumptions ------------------------------------------------------------------------
    "surveycmp.col.assumption": {"nl": "Aanname", "en": "Assumption"},
    "surveycmp.col.value": {"nl": "Waarde", "en": "Value"},
    "surveycmp.col.why": {"nl": "Toelichting en bron", "en": "Explanation and source"},
    "surveycmp.assumption.ground": {"nl": "Zelfde grond", "en": "Same ground"},
    "surveycmp.assumption.ground_why": {
        "nl": "Het register telt meldingen op de wettelijke grond {grounds}; de bovenkant van de "
        "bandbreedte telt ook {band_grounds} mee, omdat respondenten die ook racisme (of "
        "discriminatie) kunnen noemen. Alleen gepubliceerde (beschermde) aantallen.",
        "en": "The register counts reports on the legal ground {grounds}; the upper end of the "
        "range also counts {band_grounds}, which respondents may also call racism (or "
        "discrimination). Published (protected) counts only.",
    },
    "surveycmp.assumption.period": {"nl": "Zelfde periode", "en": "Same period"},
    "surveycmp.assumption.period_why": {
        "nl": "De enquête vraagt naar de twaalf maanden ervoor; die worden gelijkgesteld aan het "
        "kalenderjaar {year} van het register.",
        "en": "The survey asks about the twelve months before it; they are taken to equal the "
        "register's calendar year {year}.",
    },
    "surveycmp.assumption.persons": {
        "nl": "Personen naast personen",
        "en": "Persons beside persons",
    },
    "surveycmp.assumption.persons_why": {
        "nl": "Een zaak die meerdere kanalen van één ministerie bereikte telt via de koppelsleutel "
        "één keer: in {year} {cases} zaken op {registrations} registraties over discriminatie. Die "
        "verhouding geldt hier ook voor de gekozen grond, en één zaak is één persoon (wie twee "
        "zaken meldde telt twee keer). De bovenkant van de bandbreedte telt de registraties zelf.",
        "en": "A case that reached several channels of one ministry counts once through its link "
        "key: in {year} {cases} cases for {registrations} registrations about discrimination. That "
        "ratio is applied to the chosen ground too, and one case is one person (someone who "
        "reported twice counts twice). The upper end of the range counts the registrations "
        "themselves.",
    },
    "surveycmp.assumption.persons_not_linked_why": {
        "nl": "Het aantal zaken na koppeling is voor {year} niet gepubliceerd: elke registratie "
        "telt als één persoon, een bovengrens.",
        "en": "The number of cases after linking is not published for {year}: every registration "
        "counts as one person, an upper bound.",
    },
    "surveycmp.assumption.response": {"nl": "Non-respons", "en": "Non-response"},
    "surveycmp.assumption.response_why": {
        "nl": "Respons {response} volgens de bron. Niemand weet hoe vaak wie niet antwoordde het "
        "meemaakte: de bandbreedte laat dat lopen van {low} tot {high} keer zo vaak als bij wie "
        "wel antwoordde. Het interval zelf neemt aan dat respons niet samenhangt met ervaring.",
        "en": "Response {response} according to the source. Nobody knows how often non-"
        "respondents experienced it: the range lets that run from {low} to {high} times as often "
        "as among respondents. The interval itself assumes response is unrelated to experience.",
    },
    "surveycmp.assumption.response_unknown": {"nl": "niet gepubliceerd", "en": "not published"},
    "surveycmp.assumption.deff": {"nl": "Designeffect", "en": "Design effect"},
    "surveycmp.assumption.deff_why": {
        "nl": "De bron publiceert geen designeffect. Een gewogen personeelsenquête heeft er meestal "
        "een tussen 1 en 2; het interval neemt {deff}, de voorzichtige kant (effectieve "
        "steekproef {effective} van {sample} respondenten, met eindige-populatiecorrectie).",
        "en": "The source publishes no design effect. A weighted staff survey usually has one "
        "between 1 and 2; the interval takes {deff}, the cautious end (effective sample {effective} "
        "of {sample} respondents, with finite-population correction).",
    },
    "surveycmp.assumption.rounding": {
        "nl": "Afronding van het gepubliceerde aandeel",
        "en": "Rounding of the published share",
    },
    "surveycmp.assumption.rounding_why": {
        "nl": "De bron noemt '{value}'; de bandbreedte rekent met {lower} tot {upper}.",
        "en": "The source gives '{value}'; the range uses {lower} to {upper}.",
    },
    "surveycmp.assumption.workforce": {"nl": "Aantal medewerkers", "en": "Number of staff"},
    "surveycmp.assumption.workforce_why": {
        "nl": "Uit dezelfde bron als de enquête (personen).",
        "en": "From the same source as the survey (persons).",
    },
    "surveycmp.assumption.workforce_fte_why": {
        "nl": "Sector Rijk in fte van dat jaar, als benadering van het aantal personen.",
        "en": "Sector Rijk in fte of that year, as an approximation of the number of persons.",
    },
    "surveycmp.assumption.setting": {"nl": "Wie het deed", "en": "Who did it"},
    "surveycmp.assumption.setting_why": {
        "nl": "De enquête telt racisme op het werk door wie dan ook, ook door burgers of klanten; "
        "de geregistreerde kanalen gaan vooral over gedrag van medewerkers. Dat maakt het deel dat "
        "een kanaal bereikt kleiner dan het voor gedrag van collega's is; dit zit niet in de "
        "bandbreedte.",
        "en": "The survey counts racism at work by anyone, also by citizens or clients; the "
        "registered channels mainly concern staff conduct. That makes the share reaching a channel "
        "smaller than it is for colleagues' conduct; this is not in the range.",
    },
    "surveycmp.assumption.channels": {"nl": "Welke kanalen", "en": "Which channels"},
    "surveycmp.assumption.channels_why": {
        "nl": "Alleen de geregistreerde kanalen (integriteitscoördinator, meldpunt, "
        "vertrouwenspersoon, klachtencommissie). Meldingen bij leidinggevenden, de politie of een "
        "antidiscriminatievoorziening tellen niet mee.",
        "en": "Only the registered channels (integrity coordinator, report point, confidential "
        "adviser, complaints committee). Reports to managers, the police or an anti-discrimination "
        "service are not counted.",
    },
    "surveycmp.assumption.band": {"nl": "Bandbreedte", "en": "Range"},
    "surveycmp.assumption.band_why": {
        "nl": "Geen betrouwbaarheidsinterval maar een gevoeligheidsbereik: de uitersten van de "
        "95%-intervallen bij de afronding, de non-respons, de gronden en de koppeling hierboven "
        "samen.",
        "en": "Not a confidence interval but a sensitivity range: the extremes of the 95% "
        "intervals under the rounding, non-response, grounds and linking above together.",
    },
    # --- sources --------------------------------------------------------------------------------
    "surveycmp.sources_heading": {"nl": "Bronnen", "en": "Sources"},
    "surveycmp.source_line": {"nl": "{name}: {source}", "en": "{name}: {source}"},
    "surveycmp.source.register": {
        "nl": "Meldingenmonitor Rijk: gepubliceerde (beschermde) tabel meldingen over "
        "discriminatie naar grond, en het aantal zaken na koppeling per jaar.",
        "en": "Meldingenmonitor Rijk: the published (protected) table of reports about "
        "discrimination by ground, and the number of cases after linking per year.",
    },
    "surveycmp.name.per2023_racism": {
        "nl": "Personeelsenquête Rijk (PER) 2023",
        "en": "Central government staff survey (PER) 2023",
    },
    "surveycmp.definition.per2023_racism": {
        "nl": "Aandeel medewerkers van het Rijk dat in de twaalf maanden voor de enquête zelf "
        "racisme op de werkvloer ervoer: ongeveer 10% (9% een enkele keer, 1% maandelijks).",
        "en": "Share of central government staff who personally experienced racism at work in the "
        "twelve months before the survey: about 10% (9% once or a few times, 1% monthly).",
    },
    "surveycmp.source.per2023_racism": {
        "nl": "Kamerstuk 30950 nr. 359 (9 februari 2024) en Rijksoverheid, nieuwsbericht van 9 "
        "februari 2024: 14.304 van de 139.845 rijksambtenaren benaderd, 4.481 (31%) vulden de "
        "vragenlijst in.",
        "en": "Parliamentary paper 30950 no. 359 (9 February 2024) and the Rijksoverheid news item "
        "of 9 February 2024: 14,304 of 139,845 civil servants invited, 4,481 (31%) responded.",
    },
    "surveycmp.name.rijk2021_discrimination": {
        "nl": "Rijksoverheid 2021 (Kamerbrief van 25 januari 2023)",
        "en": "Central government 2021 (letter to parliament of 25 January 2023)",
    },
    "surveycmp.definition.rijk2021_discrimination": {
        "nl": "Aandeel medewerkers van de Rijksoverheid dat in 2021 discriminatie in brede zin "
        "ervoer: ongeveer 9%, 1% op grond van huidskleur.",
        "en": "Share of central government staff who experienced discrimination in a broad sense "
        "in 2021: about 9%, 1% on grounds of skin colour.",
    },
    "surveycmp.source.rijk2021_discrimination": {
        "nl": "Kamerstuk 30950 nr. 325 (25 januari 2023); de steekproefomvang staat niet in de "
        "opgeslagen tekst.",
        "en": "Parliamentary paper 30950 no. 325 (25 January 2023); the sample size is not stated "
        "in the stored text.",
    },
    "surveycmp.name.werk2019_discrimination": {
        "nl": "WERKonderzoek 2019",
        "en": "WERK survey 2019",
    },
    "surveycmp.definition.werk2019_discrimination": {
        "nl": "Aandeel medewerkers van het Rijk dat ooit op het werk door burgers of collega's "
        "gediscrimineerd werd: ongeveer 10%, een cijfer uit de pers.",
        "en": "Share of central government staff ever discriminated against at work by citizens "
        "or colleagues: about 10%, a figure from press coverage.",
    },
    "surveycmp.source.werk2019_discrimination": {
        "nl": "WERKonderzoek 2019 (Kamerstuk 34843 nr. 41, 29 mei 2020; 6.387 respondenten uit de "
        "sector Rijk, respons 44%); het cijfer van 10% komt uit de pers.",
        "en": "WERK survey 2019 (parliamentary paper 34843 no. 41, 29 May 2020; 6,387 sector Rijk "
        "respondents, 44% response); the 10% figure is from press coverage.",
    },
    "surveycmp.name.nea2022_discrimination": {
        "nl": "Nationale Enquête Arbeidsomstandigheden (NEA) 2022",
        "en": "Netherlands Working Conditions Survey (NEA) 2022",
    },
    "surveycmp.definition.nea2022_discrimination": {
        "nl": "Aandeel van alle werknemers in Nederland dat zich in de twaalf maanden ervoor op het "
        "werk gediscrimineerd voelde: 10,3%.",
        "en": "Share of all employees in the Netherlands who felt discriminated against at work "
        "in the previous twelve months: 10.3%.",
    },
    "surveycmp.source.nea2022_discrimination": {
        "nl": "CBS/TNO, NEA 2022; CBS Statistische Trends 2023 'Discriminatie op de werkvloer': de "
        "dader was meestal een collega; de methode veranderde in 2022.",
        "en": "CBS/TNO, NEA 2022; CBS Statistische Trends 2023 'Discriminatie op de werkvloer' "
        "(discrimination at work): the perpetrator was most often a colleague; the method changed "
        "in 2022.",
    },
    "surveycmp.name.cbs2021_report_anywhere": {
        "nl": "CBS Veiligheidsmonitor 2021: ergens gemeld",
        "en": "CBS Safety Monitor 2021: reported anywhere",
    },
    "surveycmp.definition.cbs2021_report_anywhere": {
        "nl": "Aandeel van de Nederlanders van 15 jaar en ouder die zich gediscrimineerd voelden, in "
        "welke situatie ook, dat het ergens meldde: minder dan 1 op de 10 (een bovengrens).",
        "en": "Share of Dutch residents aged 15 and over who felt discriminated against, in any "
        "setting, who reported it anywhere: fewer than 1 in 10 (an upper bound).",
    },
    "surveycmp.source.cbs2021_report_anywhere": {
        "nl": "CBS Statistische Trends 2022 'Gediscrimineerd gevoeld?' (Veiligheidsmonitor 2021, "
        "n = 173.000).",
        "en": "CBS Statistische Trends 2022 'Gediscrimineerd gevoeld?' (felt discriminated "
        "against?; Safety Monitor 2021, n = 173,000).",
    },
    "surveycmp.name.cbs2021_report_employer": {
        "nl": "CBS Veiligheidsmonitor 2021: gemeld bij werkgever of school",
        "en": "CBS Safety Monitor 2021: reported to employer or school",
    },
    "surveycmp.definition.cbs2021_report_employer": {
        "nl": "Aandeel van de Nederlanders van 15 jaar en ouder die zich gediscrimineerd voelden, in "
        "welke situatie ook (niet alleen op het werk), dat het meldde bij de eigen werkgever of "
        "school: 3%.",
        "en": "Share of Dutch residents aged 15 and over who felt discriminated against, in any "
        "setting (not only at work), who reported it to their own employer or school: 3%.",
    },
    "surveycmp.source.cbs2021_report_employer": {
        "nl": "CBS Veiligheidsmonitor 2021 zoals gerapporteerd door nu.nl: 3% bij eigen werkgever "
        "of school, 2% bij de politie, 1% bij een antidiscriminatievoorziening.",
        "en": "CBS Safety Monitor 2021 as reported by nu.nl: 3% to their own employer or school, 2% "
        "to the police, 1% to an anti-discrimination service.",
    },
    "surveycmp.name.fra2017_report": {
        "nl": "FRA EU-MIDIS II (2016)",
        "en": "FRA EU-MIDIS II (2016)",
    },
    "surveycmp.definition.fra2017_report": {
        "nl": "Aandeel van de respondenten met een etnische minderheids- of migratieachtergrond in "
        "de EU dat hun laatste ervaring met discriminatie meldde: 12%.",
        "en": "Share of respondents with an ethnic minority or migrant background in the EU who "
        "reported their most recent experience of discrimination: 12%.",
    },
    "surveycmp.source.fra2017_report": {
        "nl": "FRA EU-MIDIS II (december 2017), zoals samengevat door Ipsos: 88% van de etnische "
        "discriminatie wordt niet gemeld.",
        "en": "FRA EU-MIDIS II (December 2017) as summarised by Ipsos: 88% of ethnic "
        "discrimination is not reported.",
    },
    # --- the charts -----------------------------------------------------------------------------
    "surveycmp.people_title": {
        "nl": "Mensen die het ervoeren (enquête)",
        "en": "People who experienced it (survey)",
    },
    "surveycmp.people_axis": {"nl": "Mensen", "en": "People"},
    "surveycmp.people_series": {
        "nl": "Schatting met 95%-interval",
        "en": "Estimate with 95% interval",
    },
    "surveycmp.band_series": {"nl": "Bandbreedte", "en": "Range"},
    "surveycmp.people_summary": {
        "nl": "Naar schatting ervoeren {experienced} medewerkers in {year} {subject} op het werk "
        "(bandbreedte {lower} tot {upper}).",
        "en": "An estimated {experienced} staff experienced {subject} at work in {year} (range "
        "{lower} to {upper}).",
    },
    "surveycmp.register_title": {
        "nl": "Mensen met een geregistreerde melding (register)",
        "en": "People with a registered report (register)",
    },
    "surveycmp.register_axis": {"nl": "Mensen", "en": "People"},
    "surveycmp.register_series": {
        "nl": "Geregistreerd, na koppeling",
        "en": "Registered, after linking",
    },
    "surveycmp.register_upper_series": {
        "nl": "Tot (bredere gronden, niet gekoppeld)",
        "en": "Up to (wider grounds, not linked)",
    },
    "surveycmp.register_summary": {
        "nl": "In {year} kwamen ongeveer {persons} mensen met een melding {grounds} bij een "
        "geregistreerd meldkanaal (tot {upper}).",
        "en": "In {year} about {persons} people reached a registered channel with a report "
        "{grounds} (up to {upper}).",
    },
    "surveycmp.charts_note": {
        "nl": "Twee aparte grafieken: de enquête telt mensen, het register meldingen; ze delen "
        "geen as.",
        "en": "Two separate charts: the survey counts people, the register reports; they share "
        "no axis.",
    },
}
