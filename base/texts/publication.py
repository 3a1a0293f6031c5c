"""Texts of the publication command and of the derived results' state (pending, failed)."""

TEXTS: dict[str, dict[str, str]] = {
    "derive.done": {
        "nl": "Beschermde cijfers en schatting berekend voor gegevensversie {version}.",
        "en": "Protected figures and estimate computed for data version {version}.",
    },
    "derive.failed": {
        "nl": "De beschermde cijfers konden niet worden berekend; de pagina's tonen de vorige "
        "volledige versie. De fout staat in het logboek naast het warehouse (.derive.log). Meld "
        "dit aan de beheerders.",
        "en": "The protected figures could not be computed; the pages show the previous complete "
        "version. The error is in the log beside the warehouse (.derive.log). Tell the "
        "administrators.",
    },
    "derive.status": {
        "nl": "Gegevensversie {data_version}; beschermde cijfers klaar tot en met versie "
        "{complete_version}.",
        "en": "Data version {data_version}; protected figures ready up to version {complete_version}.",
    },
    "derive.status_failed": {
        "nl": "Het berekenen voor versie {version} is mislukt (zie .derive.log).",
        "en": "Computing version {version} failed (see .derive.log).",
    },
    "derive.waiting": {
        "nl": "Beschermde cijfers worden berekend…",
        "en": "Computing the protected figures…",
    },
    "derive.pending_notice": {
        "nl": "Er zijn nieuwe aanleveringen; de cijfers daarvan worden nu berekend. Deze pagina "
        "toont de laatste volledige versie (gegevensversie {shown}).",
        "en": "New deliveries have arrived; their figures are being prepared. This page shows the "
        "last complete version (data version {shown}).",
    },
    "derive.withheld": {
        "nl": "De cijfers kunnen nu niet worden getoond: de controle op herleidbare kleine aantallen "
        "keurde ze af. De beheerders zijn op de hoogte; zodra er een versie is die de controle "
        "doorstaat, verschijnt die hier.",
        "en": "The figures cannot be shown now: the check for small numbers that could identify "
        "someone refused them. The administrators know; as soon as a version passes the check, it "
        "appears here.",
    },
    "derive.failed_notice": {
        "nl": "Beheer: het berekenen van de cijfers voor gegevensversie {version} is mislukt. De "
        "pagina's tonen versie {shown}. Fout: {error}",
        "en": "Administration: computing the figures for data version {version} failed. The pages "
        "show version {shown}. Error: {error}",
    },
    "audit.failed": {
        "nl": "De openbaarmakingstoets is niet geslaagd: {count} punt(en) (minimale breedte {width}).",
        "en": "The disclosure audit failed: {count} finding(s) (minimum width {width}).",
    },
    "audit.more_failures": {
        "nl": "… en nog {count}.",
        "en": "… and {count} more.",
    },
    "audit.passed": {
        "nl": "De openbaarmakingstoets is geslaagd: geen verborgen getal smaller dan {width}.",
        "en": "The disclosure audit passed: no hidden number narrower than {width}.",
    },
    "audit.summary": {
        "nl": "Gegevensversie {version}: {rows} getoonde getallen, waarvan {hidden} verborgen; "
        "{sensitive} kleine combinaties nagerekend in {seconds} s.",
        "en": "Data version {version}: {rows} numbers shown, {hidden} of them hidden; "
        "{sensitive} small combinations checked in {seconds} s.",
    },
    "audit.loss": {
        "nl": "Verborgen deel van de meldingen, {view}: {table} {share}",
        "en": "Share of reports hidden, {view}: {table} {share}",
    },
    "audit.written": {
        "nl": "Geschreven: {shown} en {audit}.",
        "en": "Written: {shown} and {audit}.",
    },
}
