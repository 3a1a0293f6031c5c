"""Texts of statistics: survey notes and capture-recapture messages."""

TEXTS: dict[str, dict[str, str]] = {
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
