"""Texts of protection of small numbers."""

TEXTS: dict[str, dict[str, str]] = {
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
    "label.other_ministries": {"nl": "Overige ministeries", "en": "Other ministries"},
}
