"""Texts of releases ('publicaties') and revisions: the command line, the pages, the exports."""

TEXTS: dict[str, dict[str, str]] = {
    # --- what a release is called everywhere ---
    "release.label": {
        "nl": "{name} ({release}), vastgesteld {date}",
        "en": "{name} ({release}), adopted {date}",
    },
    "release.status.active": {"nl": "geldig", "en": "active"},
    "release.status.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    # --- errors (python -m publication release ...) ---
    "release.error.no_name": {
        "nl": "Geef de publicatie een naam, bijvoorbeeld 'Jaarrapportage 2025'.",
        "en": "Give the release a name, for example 'Annual report 2025'.",
    },
    "release.error.no_data": {
        "nl": "Er zijn nog geen beschermde cijfers om vast te stellen (laad eerst aanleveringen).",
        "en": "There are no protected figures to release yet (load submissions first).",
    },
    "release.error.bad_id": {
        "nl": "'{release}' kan geen kenmerk van een publicatie zijn: gebruik letters, cijfers, - "
        "en _ (hoogstens 40 tekens, niet 'nu'), bijvoorbeeld 2025-1.",
        "en": "'{release}' cannot be a release id: use letters, digits, - and _ (at most 40 "
        "characters, not 'now'), for example 2025-1.",
    },
    "release.error.exists": {
        "nl": "Er bestaat al een publicatie {release}. Een publicatie wordt nooit overschreven; "
        "kies een ander kenmerk.",
        "en": "Release {release} exists already. A release is never overwritten; choose another "
        "id.",
    },
    "release.error.unknown": {
        "nl": "Er is geen publicatie {release} (zie: python -m publication release list).",
        "en": "There is no release {release} (see: python -m publication release list).",
    },
    "release.error.not_current": {
        "nl": "De beschermde cijfers van de nieuwste gegevens (versie {newest}) zijn nog niet "
        "berekend; de pagina's tonen versie {shown}. Wacht tot ze klaar zijn (python -m "
        "publication derive) en probeer het opnieuw.",
        "en": "The protected figures of the newest data (version {newest}) are not computed yet; "
        "the pages show version {shown}. Wait until they are (python -m publication derive) and "
        "try again.",
    },
    "release.error.not_protected": {
        "nl": "Deze cijfers kunnen niet worden vastgesteld: samen met de eerdere publicaties "
        "zou het verschil een klein aantal prijsgeven.\n{detail}",
        "en": "These figures cannot be released: together with the earlier releases the "
        "difference would reveal a small number.\n{detail}",
    },
    "release.error.tampered": {
        "nl": "Publicatie {release} is beschadigd of gewijzigd ({file} klopt niet meer met de "
        "vingerafdruk van bij het vaststellen). Zet het bestand terug uit de back-up.",
        "en": "Release {release} is damaged or was changed ({file} no longer matches the "
        "fingerprint taken when it was created). Restore the file from the backup.",
    },
    "release.error.no_reason": {
        "nl": "Geef een reden om de publicatie in te trekken (--reason).",
        "en": "Give a reason to withdraw the release (--reason).",
    },
    "release.error.already_withdrawn": {
        "nl": "Publicatie {release} is al ingetrokken op {at}.",
        "en": "Release {release} was already withdrawn on {at}.",
    },
    "release.error.bad_date": {
        "nl": "'{date}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-31.",
        "en": "'{date}' is not a date; write YYYY-MM-DD, for example 2026-03-31.",
    },
    # --- command line output ---
    "release.cli.created": {
        "nl": "Publicatie vastgesteld: {label}; dataversie {version}, {numbers} getallen, "
        "{extra} extra afgeschermd.",
        "en": "Release created: {label}; data version {version}, {numbers} numbers, {extra} "
        "additionally hidden.",
    },
    "release.cli.none": {
        "nl": "Er zijn nog geen publicaties.",
        "en": "There are no releases yet.",
    },
    "release.cli.row": {
        "nl": "{release}  {date}  {status:<11} dataversie {version}  {name}",
        "en": "{release}  {date}  {status:<11} data version {version}  {name}",
    },
    "release.cli.show": {
        "nl": "Publicatie {release}: {name}\nVastgesteld: {date}\nStatus: {status}\n"
        "Gemaakt: {created_at} door {created_by}\nDataversie: {version} ({label}); logica {logic}; "
        "drempel {threshold}, minimale breedte {width}\nGetallen: {numbers} ({hidden} "
        "afgeschermd, {extra} extra)\nAanleveringen: {submissions}",
        "en": "Release {release}: {name}\nAdopted: {date}\nStatus: {status}\n"
        "Created: {created_at} by {created_by}\nData version: {version} ({label}); logic {logic}; "
        "threshold {threshold}, minimum width {width}\nNumbers: {numbers} ({hidden} hidden, "
        "{extra} additionally)\nSubmissions: {submissions}",
    },
    "release.cli.withdrawn_line": {
        "nl": "Ingetrokken: {at} door {by}: {reason}",
        "en": "Withdrawn: {at} by {by}: {reason}",
    },
    "release.cli.submission": {
        "nl": "  {submission}  {file}  sha256 {sha256}",
        "en": "  {submission}  {file}  sha256 {sha256}",
    },
    "release.cli.withdrawn": {
        "nl": "Publicatie {release} is ingetrokken. Haar cijfers blijven leesbaar, met de reden.",
        "en": "Release {release} is withdrawn. Its figures stay readable, with the reason.",
    },
    "release.cli.diff": {
        "nl": "{count} gepubliceerde getallen van {old} zijn anders in {new}.",
        "en": "{count} published numbers of {old} differ in {new}.",
    },
    "release.cli.diff_written": {
        "nl": "Geschreven: {path}.",
        "en": "Written: {path}.",
    },
    "release.cli.audit_release": {
        "nl": "Publicatie {release} ({name}), dataversie {version}.",
        "en": "Release {release} ({name}), data version {version}.",
    },
    # --- exports and the briefing: what the figures are ---
    "release.export": {
        "nl": "Publicatie {name} ({release}), vastgesteld {date}.",
        "en": "Release {name} ({release}), adopted {date}.",
    },
    "release.export_withdrawn": {
        "nl": "Publicatie {name} ({release}), vastgesteld {date}, later ingetrokken.",
        "en": "Release {name} ({release}), adopted {date}, since withdrawn.",
    },
    "release.export_provisional": {
        "nl": "Voorlopige cijfers: (nog) niet vastgesteld in een publicatie.",
        "en": "Provisional figures: not (yet) adopted in a release.",
    },
    # --- pages ---
    "release.page.provisional": {
        "nl": "Voorlopige cijfers: ze kunnen nog veranderen als ministeries aanleveringen "
        "vervangen of later aanleveren. Vastgestelde cijfers staan onder Publicaties.",
        "en": "Provisional figures: they may still change when ministries replace or complete "
        "their submissions. Adopted figures are under Releases.",
    },
    "release.page.banner": {
        "nl": "U bekijkt de cijfers van publicatie {label}. Ze veranderen niet meer.",
        "en": "You are viewing the figures of release {label}. They no longer change.",
    },
    "release.page.withdrawn_banner": {
        "nl": "Publicatie {label} is ingetrokken: {reason}. De cijfers blijven zichtbaar zoals "
        "ze zijn gepubliceerd.",
        "en": "Release {label} was withdrawn: {reason}. The figures stay visible as published.",
    },
    "release.page.to_now": {
        "nl": "Toon de huidige cijfers",
        "en": "Show the current figures",
    },
    # --- 'Over de cijfers': the revisions policy ---
    "release.policy_heading": {
        "nl": "Publicaties en herzieningen",
        "en": "Releases and revisions",
    },
    "release.policy": {
        "nl": "- Cijfers in een **publicatie** (bijvoorbeeld de jaarrapportage) veranderen nooit "
        "meer. Een link met `?publicatie=...` opent precies die cijfers, met naam en datum.\n"
        "- Alle andere cijfers zijn **voorlopig**: ze veranderen als een ministerie een "
        "aanlevering vervangt of later aanlevert. Pagina's en downloads zeggen dat.\n"
        "- Een volgende publicatie neemt de correcties op. Per publicatie is te zien welke "
        "eerder gepubliceerde getallen zijn **herzien**: oude en nieuwe waarde, de aanleveringen "
        "die de wijziging veroorzaakten en de reden die het ministerie gaf.\n"
        "- Een publicatie met een fout wordt **ingetrokken**, met een reden, en nooit aangepast; "
        "haar cijfers blijven zichtbaar, gemarkeerd als ingetrokken.\n"
        "- Elke nieuwe publicatie wordt samen met alle eerdere beveiligd: uit het verschil tussen "
        "twee publicaties is geen klein aantal af te leiden.",
        "en": "- Figures in a **release** (for example the annual report) never change. A link "
        "with `?publicatie=...` opens exactly those figures, with name and date.\n"
        "- All other figures are **provisional**: they change when a ministry replaces or "
        "completes a submission. Pages and downloads say so.\n"
        "- The next release takes the corrections in. For each release you can see which "
        "previously published numbers were **revised**: old and new value, the submissions that "
        "caused the change and the reason the ministry gave.\n"
        "- A release with an error is **withdrawn**, with a reason, never edited; its figures "
        "stay visible, marked as withdrawn.\n"
        "- Every new release is protected together with all earlier ones: no small number can be "
        "derived from the difference between two releases.",
    },
    # --- the page 'Publicaties' ---
    "release.error.not_allowed": {
        "nl": "Alleen beheerders kunnen publicaties vaststellen of intrekken.",
        "en": "Only administrators can create or withdraw releases.",
    },
    "release.page.nav": {"nl": "Publicaties", "en": "Releases"},
    "release.page.title": {"nl": "Publicaties", "en": "Releases"},
    "release.page.intro": {
        "nl": "Een publicatie legt de cijfers vast zoals ze zijn gepubliceerd; ze veranderen "
        "daarna nooit meer. Open een publicatie om alle pagina's met haar cijfers te zien.",
        "en": "A release fixes the figures as they were published; they never change afterwards. "
        "Open a release to see every page with its figures.",
    },
    "release.page.row": {
        "nl": "- [{label}]({link}) · {status} · dataversie {version}",
        "en": "- [{label}]({link}) · {status} · data version {version}",
    },
    "release.page.withdrawn_reason": {
        "nl": "Reden van intrekking: {reason}",
        "en": "Reason for withdrawal: {reason}",
    },
    "release.page.revisions": {"nl": "Herzieningen", "en": "Revisions"},
    "release.page.old": {"nl": "Eerdere publicatie", "en": "Earlier release"},
    "release.page.new": {
        "nl": "Vergelijken met",
        "en": "Compare with",
    },
    "release.page.download": {"nl": "Herzieningen (CSV)", "en": "Revisions (CSV)"},
    "release.page.admin": {"nl": "Beheer", "en": "Administration"},
    "release.page.name": {"nl": "Naam", "en": "Name"},
    "release.page.date": {"nl": "Vastgesteld op", "en": "Adopted on"},
    "release.page.id": {
        "nl": "Kenmerk (leeg: jaar-volgnummer)",
        "en": "Id (empty: year-number)",
    },
    "release.page.create": {
        "nl": "Huidige cijfers vaststellen als publicatie",
        "en": "Release the current figures",
    },
    "release.page.created": {"nl": "Vastgesteld: {label}.", "en": "Released: {label}."},
    "release.page.withdraw_which": {"nl": "Publicatie", "en": "Release"},
    "release.page.reason": {"nl": "Reden", "en": "Reason"},
    "release.page.withdraw": {"nl": "Intrekken", "en": "Withdraw"},
    "revisions.all": {"nl": "alles", "en": "everything"},
    "revisions.removed": {"nl": "niet meer getoond", "en": "no longer shown"},
    "revisions.none": {
        "nl": "Geen enkel gepubliceerd getal is veranderd.",
        "en": "No published number has changed.",
    },
    "revisions.col.statistic": {"nl": "Soort getal", "en": "Kind of number"},
    "revisions.col.year": {"nl": "Jaar", "en": "Year"},
    "revisions.col.which": {"nl": "Welke", "en": "Which"},
    "revisions.col.old": {"nl": "Was", "en": "Was"},
    "revisions.col.new": {"nl": "Wordt", "en": "Is now"},
    "revisions.col.submissions": {"nl": "Door aanlevering(en)", "en": "Caused by submission(s)"},
    "revisions.col.reasons": {"nl": "Reden van de aanleverende", "en": "Reason given"},
    "revisions.statistic.count": {"nl": "aantal meldingen", "en": "number of reports"},
    "revisions.statistic.cases": {"nl": "aantal zaken", "en": "number of cases"},
    "revisions.statistic.share": {"nl": "aandeel", "en": "share"},
    "revisions.statistic.rate": {"nl": "per 1.000 fte", "en": "per 1,000 fte"},
    "revisions.statistic.interval_lower": {
        "nl": "ondergrens 95%-interval",
        "en": "lower limit 95% interval",
    },
    "revisions.statistic.interval_upper": {
        "nl": "bovengrens 95%-interval",
        "en": "upper limit 95% interval",
    },
    "revisions.statistic.p_value": {"nl": "p-waarde", "en": "p-value"},
    "release.page.now": {"nl": "de huidige cijfers", "en": "the current figures"},
}
