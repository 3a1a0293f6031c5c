"""Texts of statistics: capture-recapture messages."""

TEXTS: dict[str, dict[str, str]] = {
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
