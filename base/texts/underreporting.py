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
    "under.mse_withheld_small_overlap": {
        "nl": "Deze schatting wordt niet getoond: ook afgerond zou ze, samen met het aantal meldingen "
        "per kanaal, verraden hoeveel zaken bij twee kanalen tegelijk terechtkwamen, en dat zijn er "
        "maar een paar.",
        "en": "This estimate is not shown: even rounded, together with the reports per channel it "
        "would give away how many cases reached two channels at once, and those are only a few.",
    },
    "under.mse_rounded": {
        "nl": "Schattingen en intervallen zijn afgerond op {digits}: nauwkeuriger zouden ze, samen "
        "met het aantal meldingen per kanaal, verraden hoeveel zaken bij twee kanalen tegelijk "
        "terechtkwamen.",
        "en": "Estimates and intervals are rounded to {digits}: more precise, together with the "
        "reports per channel, they would give away how many cases reached two channels at once.",
    },
    "under.significant_figures_1": {"nl": "één significant cijfer", "en": "one significant figure"},
    "under.significant_figures_2": {
        "nl": "twee significante cijfers",
        "en": "two significant figures",
    },
    "under.mse_range_only": {
        "nl": "Van de modellen binnen 2 AIC-punten van het beste tonen we alleen het bereik, om "
        "dezelfde reden.",
        "en": "Of the models within 2 AIC points of the best we show only the range, for the same "
        "reason.",
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
