"""Texts of under-reporting page."""

TEXTS: dict[str, dict[str, str]] = {
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
    "under.in_short_heading": {"nl": "In het kort", "en": "In short"},
    "under.survey_assumptions_heading": {
        "nl": "Aannames van de vergelijking",
        "en": "Assumptions of the comparison",
    },
    "under.mse_heading": {
        "nl": "Methode 2: vangst-hervangst over de kanalen",
        "en": "Method 2: capture-recapture across channels",
    },
    "under.mse_intro": {
        "nl": "Waar departementen een koppelsleutel meegeven, is te zien welke zaken bij meer dan één "
        "kanaal terechtkwamen. Uit die overlap schatten log-lineaire modellen hoeveel zaken geen "
        "enkel kanaal bereikten (alle jaren samen). Het kopgetal is het gemiddelde over alle "
        "schatbare modellen, gewogen naar hoe goed elk model bij de gegevens past (AIC).",
        "en": "Where departments supply a link key, we can see which cases reached more than one "
        "channel. From that overlap, log-linear models estimate how many cases reached no channel "
        "(all years together). The headline is the average over every estimable model, weighted "
        "by how well each fits the data (AIC).",
    },
    "under.experimental": {
        "nl": "**Experimentele statistiek**: een nieuwe methode, nog in ontwikkeling; gebruik de "
        "uitkomst alleen met de onzekerheid erbij.",
        "en": "**Experimental statistics**: a new method, still in development; use the result "
        "only together with its uncertainty.",
    },
    "under.mse_sentence_one": {
        "nl": "In {period} registreerden de vier kanalen {seen} zaken van discriminatie. Naar "
        "schatting waren het er in totaal, geregistreerd of niet, ongeveer {estimate} "
        "(tussen {lower} en {upper}).",
        "en": "In {period} the four channels registered {seen} cases of discrimination. The "
        "estimated total, registered or not, is roughly {estimate} (between {lower} and {upper}).",
    },
    "under.mse_sentence_spread": {
        "nl": "In {period} registreerden de vier kanalen {seen} zaken van discriminatie. Hoeveel "
        "het er in totaal waren, geregistreerd of niet, laat zich met deze gegevens niet in één "
        "getal vangen: ergens tussen ongeveer {lower} en {upper}.",
        "en": "In {period} the four channels registered {seen} cases of discrimination. How many "
        "there were in all, registered or not, these data cannot put in one number: somewhere "
        "between roughly {lower} and {upper}.",
    },
    "under.mse_no_upper": {"nl": "geen bovengrens", "en": "no upper limit"},
    "under.mse_estimate": {
        "nl": "Geschat totaal (gemiddelde over alle modellen)",
        "en": "Estimated total (average over all models)",
    },
    "under.mse_estimate_spread": {
        "nl": "Geschat totaal: bandbreedte",
        "en": "Estimated total: range",
    },
    "under.mse_interval": {"nl": "interval {lower} – {upper}", "en": "interval {lower} – {upper}"},
    "under.mse_spread": {
        "nl": "Spreiding over alle schatbare modellen",
        "en": "Spread over all estimable models",
    },
    "under.mse_coverage": {
        "nl": "Wat het interval zegt: in simulaties met gegevens zoals deze (vier kanalen, weinig "
        "zaken gezien, ongelijke meldkansen, doorverwijzingen) bevatte het het werkelijke aantal "
        "in ten minste {covered} van de 10 gevallen. De spreiding over de modellen laat zien hoe "
        "sterk de uitkomst van de modelkeuze afhangt.",
        "en": "What the interval says: in simulations with data like these (four channels, few "
        "cases seen, unequal chances of reporting, referrals) it held the true number in at least "
        "{covered} of 10 cases. The spread over the models shows how much the answer depends on "
        "the choice of model.",
    },
    "under.mse_interval_calibrated": {
        "nl": "bevatte in simulaties het werkelijke aantal in ten minste {covered} van de 10 "
        "gevallen",
        "en": "held the true number in at least {covered} of 10 cases in simulations",
    },
    "under.mse_interval_model": {
        "nl": "nominaal 95%, alleen als dit model juist is",
        "en": "nominal 95%, only if this model is right",
    },
    "under.interval_heading": {"nl": "Interval", "en": "Interval"},
    "under.interval_meaning": {"nl": "Wat het interval zegt", "en": "What the interval says"},
    "under.mse_rounded": {
        "nl": "Schattingen en intervallen zijn afgerond op {digits}: nauwkeuriger zouden ze, samen "
        "met het aantal meldingen per kanaal, verraden hoeveel zaken bij twee kanalen tegelijk "
        "terechtkwamen.",
        "en": "Estimates and intervals are rounded to {digits}: more precise, together with the "
        "reports per channel, they would give away how many cases reached two channels at once.",
    },
    "under.mse_grid": {
        "nl": "De grenzen van het kopgetal en de spreiding zijn naar buiten afgerond op 1, 2 of 5 "
        "maal een macht van tien, om dezelfde reden.",
        "en": "The limits of the headline and the spread are rounded outward to 1, 2 or 5 times a "
        "power of ten, for the same reason.",
    },
    "under.mse_range_only": {
        "nl": "In de grafiek van de modellen staan daarom alleen het stapsgewijze model, het model "
        "met onafhankelijke kanalen en de spreiding over alle modellen.",
        "en": "For the same reason the chart of the models shows only the stepwise model, the "
        "model of independent channels and the spread over all models.",
    },
    "under.mse_keys_share": {
        "nl": "Ongeveer {share} van de registraties heeft geen koppelsleutel.",
        "en": "About {share} of the registrations carry no link key.",
    },
    "under.mse_keys_few": {
        "nl": "Enkele registraties hebben geen koppelsleutel.",
        "en": "A few registrations carry no link key.",
    },
    "under.mse_keys_all": {
        "nl": "Alle registraties hebben een koppelsleutel.",
        "en": "Every registration carries a link key.",
    },
    "under.mse_keys_effect": {
        "nl": "Zo'n registratie telt als een zaak die maar één kanaal bereikte. Kwam die zaak ook "
        "bij een ander kanaal, dan telt ze twee keer en ontbreekt ze in de overlap; minder "
        "overlap betekent een hogere schatting. Hoe meer registraties zonder sleutel, hoe eerder "
        "de schatting te hoog uitvalt.",
        "en": "Such a registration counts as a case that reached one channel only. If that case "
        "also reached another channel, it counts twice and is missing from the overlap; less "
        "overlap means a higher estimate. The more registrations without a key, the more likely "
        "the estimate is too high.",
    },
    "under.mse_assumptions_heading": {"nl": "Aannames", "en": "Assumptions"},
    "under.mse_assumption_closed": {
        "nl": "Gesloten populatie: dezelfde groep zaken kon alle kanalen bereiken, over de hele "
        "periode.",
        "en": "Closed population: the same set of cases could reach every channel, over the whole "
        "period.",
    },
    "under.mse_assumption_dependence": {
        "nl": "Ongelijke meldkansen en samenhang tussen kanalen (doorverwijzingen) worden alleen "
        "meegenomen voor zover de modellen dat toelaten: samenhang tussen twee kanalen tegelijk. "
        "Sterkere ongelijkheid maakt de schatting eerder te laag.",
        "en": "Unequal chances of reporting and dependence between channels (referrals) are "
        "allowed for only as far as the models allow: dependence between two channels at a time. "
        "Stronger inequality tends to make the estimate too low.",
    },
    "under.mse_assumption_matching": {
        "nl": "Koppeling op de koppelsleutel: een departement geeft elke zaak die meerdere kanalen "
        "bereikte dezelfde sleutel.",
        "en": "Matching by link key: a department gives every case that reached several channels "
        "the same key.",
    },
    "under.mse_models_heading": {
        "nl": "Ter vergelijking: de afzonderlijke modellen",
        "en": "For comparison: the single models",
    },
    "under.model": {"nl": "Model", "en": "Model"},
    "under.model_headline": {
        "nl": "Kopgetal: gemiddelde over alle modellen",
        "en": "Headline: average over all models",
    },
    "under.model_stepwise": {
        "nl": "Stapsgewijs gekozen model (Chan e.a. 2021)",
        "en": "Stepwise chosen model (Chan et al. 2021)",
    },
    "under.model_stepwise_short": {"nl": "Stapsgewijs gekozen", "en": "Stepwise chosen"},
    "under.model_words_all": {
        "nl": "alle schatbare modellen, gewogen naar AIC",
        "en": "every estimable model, weighted by AIC",
    },
    "under.model_words_independence": {
        "nl": "geen samenhang tussen kanalen",
        "en": "no dependence between channels",
    },
    "under.model_words": {"nl": "samenhang {pairs}", "en": "dependence {pairs}"},
    "under.list_IC": {"nl": "integriteitscoördinator", "en": "integrity coordinator"},
    "under.list_MP": {"nl": "meldpunt", "en": "report point"},
    "under.list_VP": {"nl": "vertrouwenspersoon", "en": "confidential adviser"},
    "under.list_KC": {"nl": "klachtencommissie", "en": "complaints committee"},
    "under.chart_model": {"nl": "Ander model", "en": "Other model"},
    "under.chart_headline_band": {
        "nl": "Interval van het kopgetal",
        "en": "Interval of the headline",
    },
    "under.chart_headline": {"nl": "Kopgetal", "en": "Headline"},
    "under.models_chart_title": {
        "nl": "Geschat totaal per model, met het eigen interval van elk model (logaritmische "
        "schaal)",
        "en": "Estimated total per model, with each model's own interval (log scale)",
    },
    "under.models_chart_axis": {
        "nl": "Geschat totaal aantal zaken",
        "en": "Estimated total cases",
    },
    "under.models_chart_rows": {
        "nl": "Modellen, geordend naar schatting",
        "en": "Models, ordered by estimate",
    },
    "under.models_chart_summary": {
        "nl": "De modellen spreken elkaar sterk tegen: welke samenhang tussen kanalen je aanneemt, "
        "bepaalt de uitkomst. Daarom leidt de pagina met het gemiddelde over alle modellen en "
        "zijn brede interval, niet met één model.",
        "en": "The models disagree strongly: which dependence between channels one assumes "
        "decides the answer. That is why the page leads with the average over all models and "
        "its wide interval, not with one model.",
    },
    "under.models_chart_note": {
        "nl": "Het interval van een afzonderlijk model (nominaal 95%) geldt alleen als dat model "
        "juist is; de onzekerheid over welk model juist is, zit alleen in het kopgetal.",
        "en": "A single model's interval (nominal 95%) holds only if that model is right; the "
        "uncertainty over which model is right is in the headline only.",
    },
    "under.compare_heading": {
        "nl": "Zaken per jaar: geregistreerd en geschat",
        "en": "Cases per year: registered and estimated",
    },
    "under.chart_title": {
        "nl": "Geregistreerde zaken per jaar en het geschatte totaal als gemiddelde per jaar "
        "(logaritmische schaal)",
        "en": "Registered cases per year and the estimated total as an average per year (log "
        "scale)",
    },
    "under.axis": {"nl": "Zaken (log)", "en": "Cases (log)"},
    "under.series_mse_average": {
        "nl": "Vangst-hervangst: geschat totaal gedeeld door het aantal jaren",
        "en": "Capture-recapture: estimated total divided by the number of years",
    },
    "under.series_mse_average_estimate": {
        "nl": "Vangst-hervangst: gemiddelde per jaar",
        "en": "Capture-recapture: average per year",
    },
    "under.summary": {
        "nl": "De kanalen registreren ieder jaar een paar dozijn zaken; het geschatte totaal ligt "
        "daar ver boven, met een grote onzekerheid.",
        "en": "The channels register a few dozen cases each year; the estimated total lies far "
        "above that, with a wide uncertainty.",
    },
    "under.chart_note": {
        "nl": "Er is geen schatting per jaar: één model voor alle jaren samen, verdeeld over de "
        "jaren, zou per jaar alleen hetzelfde herhalen met een schijnbaar smaller interval. De "
        "band is het geschatte totaal over alle jaren gedeeld door het aantal jaren. "
        "Geregistreerd: ontdubbeld waar dat zonder onthulling van kleine aantallen kan.",
        "en": "There is no estimate per year: one model for all years together, spread over the "
        "years, would only repeat the same with a seemingly narrower interval. The band is the "
        "estimated total over all years divided by the number of years. Registered: deduplicated "
        "where that can be shown without revealing small numbers.",
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
    "under.mse_withheld_small_overlap": {
        "nl": "Deze schatting wordt niet getoond: ook afgerond zou ze, samen met het aantal meldingen "
        "per kanaal, verraden hoeveel zaken bij twee kanalen tegelijk terechtkwamen, en dat zijn er "
        "maar een paar.",
        "en": "This estimate is not shown: even rounded, together with the reports per channel it "
        "would give away how many cases reached two channels at once, and those are only a few.",
    },
    "under.significant_figures_1": {"nl": "één significant cijfer", "en": "one significant figure"},
    "under.significant_figures_2": {
        "nl": "twee significante cijfers",
        "en": "two significant figures",
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
    "under.model_choice": {"nl": "Keuze", "en": "Choice"},
    "under.model_independence": {"nl": "Onafhankelijke kanalen", "en": "Independent channels"},
    "under.series_registered": {"nl": "Geregistreerd", "en": "Registered"},
}
