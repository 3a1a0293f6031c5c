"""Texts of upload page and login."""

TEXTS: dict[str, dict[str, str]] = {
    "upload.nav": {"nl": "Aanleveren", "en": "Submit data"},
    "upload.title": {"nl": "Aanleveren", "en": "Submit data"},
    "upload.intro": {
        "nl": "Lever hier de jaarlijkse export van uw departement aan (CSV of Excel .xlsx). U ziet "
        "meteen of het bestand aan het gegevenscontract voldoet (zie 'Over de cijfers') en wat er "
        "verandert. Er wordt niets opgeslagen tot u op **Vastleggen** drukt.",
        "en": "Submit your department's yearly export here (CSV or Excel .xlsx). You see at once "
        "whether the file meets the data contract (see 'About the figures') and what will "
        "change. Nothing is stored until you press **Commit**.",
    },
    "upload.local_mode": {
        "nl": "**Lokale modus.** Er is geen inlogdienst ingesteld; de monitor draait alleen op deze "
        "computer (127.0.0.1). U werkt als beheerder en wordt vastgelegd als '{identity}'.",
        "en": "**Local mode.** No identity provider is configured; the monitor only runs on this "
        "computer (127.0.0.1). You work as administrator and are recorded as '{identity}'.",
    },
    "upload.logged_in_rights": {
        "nl": "Ingelogd als {identity}. U mag aanleveren voor: {departments}.",
        "en": "Logged in as {identity}. You may submit for: {departments}.",
    },
    "upload.all_departments": {"nl": "alle departementen", "en": "all departments"},
    "upload.no_rights": {
        "nl": "U hebt geen recht om gegevens aan te leveren. Neem contact op met de beheerder van "
        "de monitor als u namens een departement wilt aanleveren.",
        "en": "You are not allowed to submit data. Contact the monitor's administrator if you "
        "want to submit for a department.",
    },
    "upload.files_label": {
        "nl": "Kies een of meer bestanden (CSV of .xlsx)",
        "en": "Choose one or more files (CSV or .xlsx)",
    },
    "upload.new_heading": {"nl": "Nieuwe aanlevering", "en": "New submission"},
    "upload.check_heading": {"nl": "Controle", "en": "Check"},
    "upload.file_ok": {
        "nl": "**{file}**: voldoet aan het gegevenscontract ({rows} regels, {reports} meldingen).",
        "en": "**{file}**: meets the data contract ({rows} rows, {reports} reports).",
    },
    "upload.file_ok_fte": {
        "nl": "**{file}**: voldoet aan het gegevenscontract (fte-bestand, {rows} regels).",
        "en": "**{file}**: meets the data contract (fte file, {rows} rows).",
    },
    "upload.file_ok_measures": {
        "nl": "**{file}**: voldoet aan het gegevenscontract (maatregelenbestand: {rows} regels, "
        "{kinds} soorten maatregel; {departments}, {years}).",
        "en": "**{file}**: meets the data contract (measures file: {rows} rows, {kinds} kinds of "
        "measure; {departments}, {years}).",
    },
    "upload.file_rejected": {
        "nl": "**{file}** wordt afgewezen: {count} fout(en). Verbeter het bestand en kies het "
        "opnieuw. Er is niets opgeslagen.",
        "en": "**{file}** is rejected: {count} problem(s). Correct the file and choose it again. "
        "Nothing was stored.",
    },
    "upload.error_report": {
        "nl": "Foutenrapport downloaden (CSV)",
        "en": "Download error report (CSV)",
    },
    "upload.error_report_help": {
        "nl": "Uw regels met een extra kolom 'fouten'. Cellen die op persoonsgegevens lijken zijn "
        "leeggemaakt.",
        "en": "Your rows with an extra column 'errors'. Cells that look like personal data are "
        "blanked.",
    },
    "upload.report_line": {"nl": "regel", "en": "line"},
    "upload.report_problems": {"nl": "fouten", "en": "errors"},
    "upload.denied": {
        "nl": "U mag niet aanleveren voor {departments}. U kunt alleen aanleveren voor uw eigen "
        "departement(en): {own}. Er is niets opgeslagen.",
        "en": "You may not submit for {departments}. You can only submit for your own "
        "department(s): {own}. Nothing was stored.",
    },
    "upload.overlap": {
        "nl": "Meerdere gekozen bestanden gaan over {scopes}. Kies per departement, jaar en kanaal "
        "één bestand.",
        "en": "Several chosen files cover {scopes}. Choose one file per department, year and "
        "channel.",
    },
    "upload.fix_first": {
        "nl": "Vastleggen kan pas als alle gekozen bestanden goed zijn.",
        "en": "You can commit once every chosen file is correct.",
    },
    "upload.identical": {
        "nl": "**{file}** is precies zo al vastgelegd ({submission_id}). Vastleggen verandert "
        "niets.",
        "en": "**{file}** is already stored exactly like this ({submission_id}). Committing "
        "changes nothing.",
    },
    "upload.preview_heading": {"nl": "Wat verandert er", "en": "What will change"},
    "upload.preview_intro": {
        "nl": "Ongeschermde aantallen van uw eigen departement, alleen zichtbaar voor de "
        "aanleveraars van dit departement en beheerders. 'Nu' is wat nu geladen is, "
        "'vorig jaar' wat voor het jaar ervoor geladen is; '–' betekent niet aangeleverd.",
        "en": "Unprotected counts of your own department, only visible to this department's "
        "submitters and administrators. 'Now' is what is loaded now, 'last year' what is "
        "loaded for the year before; '–' means not submitted.",
    },
    "upload.per_channel": {"nl": "Totaal per kanaal", "en": "Total per channel"},
    "upload.per_category": {"nl": "Per kanaal en categorie", "en": "Per channel and category"},
    "upload.fte_heading": {"nl": "Fte", "en": "Fte"},
    "upload.measures_heading": {"nl": "Maatregelen per soort", "en": "Measures per kind"},
    "upload.measures_intro": {
        "nl": "Het aantal activiteiten per soort maatregel; bij vertrouwenspersonen het aantal aan "
        "het eind van het jaar. Een maatregelenbestand vervangt alleen de maatregelen van "
        "hetzelfde departement en jaar, nooit meldingen of fte. De cijfers verschijnen op de "
        "pagina Meldingsbereidheid.",
        "en": "The number of activities per kind of measure; for confidential advisers the number "
        "at the end of the year. A measures file replaces only the measures of the same "
        "department and year, never reports or fte. The figures appear on the page Willingness "
        "to report.",
    },
    "upload.measures_rows": {
        "nl": "Per regel, met organisatie en deelnemers",
        "en": "Per row, with organisation and participants",
    },
    "upload.replaced_heading": {"nl": "Wordt vervangen", "en": "Will be replaced"},
    "upload.nothing_replaced": {
        "nl": "Er wordt niets vervangen: voor deze departementen, jaren en kanalen is nog niets "
        "geladen.",
        "en": "Nothing is replaced: nothing is loaded yet for these departments, years and "
        "channels.",
    },
    "upload.col.department": {"nl": "Departement", "en": "Department"},
    "upload.col.year": {"nl": "Jaar", "en": "Year"},
    "upload.col.channel": {"nl": "Kanaal", "en": "Channel"},
    # The scope of a measures file (etl.contract.MEASURES_CHANNEL) where the upload page's tables
    # name a scope's channel (text(f"channel.{c}")): the history, what a commit replaces.
    "channel.maatregelen": {"nl": "Maatregelen", "en": "Measures"},
    "upload.col.category": {"nl": "Categorie", "en": "Category"},
    "upload.col.kind": {"nl": "Soort maatregel", "en": "Kind of measure"},
    "upload.col.line": {"nl": "Regel", "en": "Line"},
    "upload.col.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "upload.col.activities": {"nl": "Aantal", "en": "Number"},
    "upload.col.participants": {"nl": "Deelnemers", "en": "Participants"},
    "upload.col.new": {"nl": "Nieuw", "en": "New"},
    "upload.col.current": {"nl": "Nu", "en": "Now"},
    "upload.col.last_year": {"nl": "Vorig jaar", "en": "Last year"},
    "upload.col.submission": {"nl": "Aanlevering", "en": "Submission"},
    "upload.col.file": {"nl": "Bestand", "en": "File"},
    "upload.col.loaded_at": {
        "nl": "Vastgelegd op (Nederlandse tijd)",
        "en": "Committed at (Netherlands time)",
    },
    "upload.where_lines": {
        "nl": "{file}, {count} regels ({lines})",
        "en": "{file}, {count} lines ({lines})",
    },
    "upload.where_lines_column": {
        "nl": "{file}, kolom {column_number} ({column_letter}) '{column_name}', {count} regels "
        "({lines})",
        "en": "{file}, column {column_number} ({column_letter}) '{column_name}', {count} lines "
        "({lines})",
    },
    "upload.more_lines": {"nl": "… en nog {count} reeksen", "en": "… and {count} more ranges"},
    "upload.dropzone_button": {"nl": "Bestanden kiezen", "en": "Choose files"},
    "upload.dropzone_instructions": {
        "nl": "Maximaal {size} MB per bestand • CSV, TXT of XLSX",
        "en": "At most {size} MB per file • CSV, TXT or XLSX",
    },
    "upload.col.loaded_by": {"nl": "Door", "en": "By"},
    "upload.col.reports": {"nl": "Meldingen", "en": "Reports"},
    "upload.col.years": {"nl": "Jaren", "en": "Years"},
    "upload.col.channels": {"nl": "Kanalen", "en": "Channels"},
    "upload.col.status": {"nl": "Status", "en": "Status"},
    "upload.col.replaced_by": {"nl": "Vervangen door", "en": "Replaced by"},
    "upload.col.note": {"nl": "Toelichting", "en": "Note"},
    "upload.col.when": {"nl": "Wanneer (Nederlandse tijd)", "en": "When (Netherlands time)"},
    "upload.col.who": {"nl": "Wie", "en": "Who"},
    "upload.col.what": {"nl": "Wat", "en": "What"},
    "upload.col.detail": {"nl": "Details", "en": "Details"},
    "upload.not_submitted": {"nl": "–", "en": "–"},
    "upload.zero_row": {"nl": "(geen meldingen)", "en": "(no reports)"},
    "upload.jump_heading": {"nl": "Opvallende sprong", "en": "Implausible jump"},
    "upload.jump_intro": {
        "nl": "Deze aantallen wijken sterk af (factor {factor} of meer). Klopt dit? Vastleggen kan "
        "alleen met een bevestiging en een reden; de reden wordt bij de aanlevering bewaard.",
        "en": "These counts differ strongly (a factor of {factor} or more). Is this right? You can "
        "only commit with a confirmation and a reason; the reason is kept with the submission.",
    },
    "upload.jump_line": {
        "nl": "{what}: {new} tegen {reference} {against}",
        "en": "{what}: {new} against {reference} {against}",
    },
    "upload.jump_against_current": {"nl": "nu geladen", "en": "loaded now"},
    "upload.jump_against_last_year": {"nl": "in {year}", "en": "in {year}"},
    "upload.jump_total": {"nl": "alle kanalen", "en": "all channels"},
    "upload.jump_confirm": {
        "nl": "Ik heb dit gecontroleerd: de aantallen kloppen.",
        "en": "I have checked this: the counts are right.",
    },
    "upload.jump_reason": {
        "nl": "Reden (zonder persoonsgegevens)",
        "en": "Reason (no personal data)",
    },
    "upload.jump_reason_required": {
        "nl": "Bevestig de opvallende sprong en geef een reden voordat u vastlegt.",
        "en": "Confirm the implausible jump and give a reason before you commit.",
    },
    "upload.commit": {"nl": "Vastleggen", "en": "Commit"},
    "upload.review_again": {"nl": "Opnieuw beoordelen", "en": "Review again"},
    "upload.committing": {
        "nl": "Bezig met vastleggen en met het beschermen van de cijfers voor het dashboard; "
        "dat kan bij weinig meldingen tot een halve minuut duren…",
        "en": "Committing and protecting the figures for the dashboard; with few reports this "
        "can take up to half a minute…",
    },
    "upload.conflict": {
        "nl": "**Versieconflict.** Terwijl u keek, heeft iemand anders nieuwe gegevens vastgelegd "
        "voor {scopes}. Er is niets opgeslagen. Beoordeel de wijzigingen opnieuw en leg dan vast.",
        "en": "**Version conflict.** While you were reviewing, someone else committed new data "
        "for {scopes}. Nothing was stored. Review the changes again, then commit.",
    },
    "upload.receipt_heading": {"nl": "Ontvangstbewijs", "en": "Receipt"},
    "upload.receipt_loaded": {
        "nl": "**{file}** is vastgelegd als **{submission_id}**: {rows} regels, {reports} "
        "meldingen. De cijfers op de andere pagina's zijn bijgewerkt.",
        "en": "**{file}** is committed as **{submission_id}**: {rows} rows, {reports} reports. The "
        "figures on the other pages are updated.",
    },
    "upload.receipt_loaded_measures": {
        "nl": "**{file}** is vastgelegd als **{submission_id}**: {rows} regels maatregelen. De "
        "pagina Meldingsbereidheid is bijgewerkt.",
        "en": "**{file}** is committed as **{submission_id}**: {rows} rows of measures. The page "
        "Willingness to report is updated.",
    },
    "upload.receipt_loaded_fte": {
        "nl": "**{file}** is vastgelegd als **{submission_id}**: fte-bestand, {rows} regels. De "
        "cijfers per 1.000 fte zijn bijgewerkt.",
        "en": "**{file}** is committed as **{submission_id}**: fte file, {rows} rows. The figures "
        "per 1,000 fte are updated.",
    },
    "upload.receipt_unchanged": {
        "nl": "**{file}** was al precies zo vastgelegd als **{submission_id}**; er is niets "
        "veranderd.",
        "en": "**{file}** was already committed exactly like this as **{submission_id}**; nothing "
        "changed.",
    },
    "upload.receipt_replaced": {
        "nl": "Vervangt {old_submission_id} voor {scope}.",
        "en": "Replaces {old_submission_id} for {scope}.",
    },
    "upload.receipt_new_scope": {
        "nl": "Vervangt niets (nieuw: {scope}).",
        "en": "Replaces nothing (new: {scope}).",
    },
    "upload.receipt_sha": {"nl": "sha256: `{sha256}`", "en": "sha256: `{sha256}`"},
    "upload.receipt_by": {
        "nl": "Vastgelegd door {identity}.",
        "en": "Committed by {identity}.",
    },
    "upload.receipt_note": {"nl": "Toelichting: {note}", "en": "Note: {note}"},
    "upload.history_heading": {"nl": "Geschiedenis", "en": "History"},
    "upload.history_department": {"nl": "Departement", "en": "Department"},
    "upload.history_empty": {
        "nl": "Voor {department} is nog niets vastgelegd.",
        "en": "Nothing has been committed for {department} yet.",
    },
    "upload.status.in_force": {"nl": "geldt", "en": "in force"},
    "upload.status.partly": {"nl": "deels vervangen", "en": "partly replaced"},
    "upload.status.replaced": {"nl": "vervangen", "en": "replaced"},
    "upload.download_choice": {
        "nl": "Aangeleverd bestand downloaden",
        "en": "Download a submitted file",
    },
    "upload.download": {"nl": "{file} downloaden", "en": "Download {file}"},
    # Dekking's submission history for an uploader: rows of other departments keep their file
    # name and who loaded them to themselves (presentation.views.history_table).
    "history.other_department": {"nl": "(ander departement)", "en": "(other department)"},
    "upload.audit_heading": {"nl": "Logboek", "en": "Audit log"},
    "upload.action.commit": {"nl": "vastgelegd", "en": "committed"},
    "upload.action.replace": {"nl": "vervangen", "en": "replaced"},
    "upload.action.rebuild": {"nl": "warehouse herbouwd", "en": "warehouse rebuilt"},
    "upload.action.rejected": {"nl": "afgewezen", "en": "rejected"},
    "upload.action.conflict": {"nl": "versieconflict", "en": "version conflict"},
    "upload.action.denied": {"nl": "geweigerd (geen recht)", "en": "refused (no right)"},
    "upload.action.unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
    "upload.detail.replace": {
        "nl": "{old} voor {scope} vervangen door {new}",
        "en": "{old} for {scope} replaced by {new}",
    },
    "upload.detail.problems": {"nl": "{count} fout(en)", "en": "{count} problem(s)"},
    "auth.login": {"nl": "Inloggen", "en": "Log in"},
    "auth.logout": {"nl": "Uitloggen", "en": "Log out"},
    "auth.logged_in_as": {"nl": "Ingelogd als {name}", "en": "Logged in as {name}"},
    "loader.local": {"nl": "lokaal ({account})", "en": "local ({account})"},
    "loader.demo": {"nl": "demo (eerste start)", "en": "demo (first start)"},
    "auth.local_mode_sidebar": {
        "nl": "Lokale modus: {identity} (beheerder)",
        "en": "Local mode: {identity} (administrator)",
    },
    "auth.unconfigured_sidebar": {
        "nl": "Inloggen is niet ingesteld; aanleveren kan hier niet.",
        "en": "Login is not configured; submitting is not possible here.",
    },
    "auth.login_required_title": {"nl": "Inloggen", "en": "Log in"},
    "auth.login_required": {
        "nl": "Log in om de Meldingenmonitor Rijk te gebruiken.",
        "en": "Log in to use the Meldingenmonitor Rijk.",
    },
    "auth.no_access": {
        "nl": "U bent ingelogd als {identity}, maar hebt geen toegang. Neem contact op met de "
        "beheerder.",
        "en": "You are logged in as {identity}, but have no access. Contact the administrator.",
    },
    "auth.roles_unusable_title": {"nl": "Geen toegang", "en": "No access"},
    "auth.roles_unusable": {
        "nl": "Het rollenbestand kan niet worden gebruikt. Daarom heeft niemand toegang tot de "
        "monitor tot de beheerder het heeft hersteld. Reden: {reason}",
        "en": "The roles file cannot be used. Therefore nobody has access to the monitor until "
        "the administrator has fixed it. Reason: {reason}",
    },
    "auth.roles_unusable_admin": {
        "nl": "Het rollenbestand ($MELDINGEN_ROLES) kan niet worden gebruikt; bij inloggen heeft "
        "niemand toegang. Reden: {reason}",
        "en": "The roles file ($MELDINGEN_ROLES) cannot be used; with login nobody has access. "
        "Reason: {reason}",
    },
    "auth.no_login_possible": {
        "nl": "Inloggen is hier niet ingesteld en bezoekers zonder inlog hebben geen toegang.",
        "en": "Login is not configured here and visitors who are not logged in have no access.",
    },
    "roles.where_rule": {"nl": "[[rule]] nr. {number}", "en": "rule {number}"},
    "roles.where_line": {"nl": "regel {line}", "en": "line {line}"},
    "roles.env_empty": {
        "nl": "{env} is gezet maar leeg; geef het pad van het rollenbestand",
        "en": "{env} is set but empty; give the path of the roles file",
    },
    "roles.missing": {
        "nl": "het rollenbestand bestaat niet ({error})",
        "en": "the roles file does not exist ({error})",
    },
    "roles.unreadable": {
        "nl": "het rollenbestand kan niet worden gelezen ({error})",
        "en": "the roles file cannot be read ({error})",
    },
    "roles.not_toml": {
        "nl": "geen geldige TOML: {error}",
        "en": "not valid TOML: {error}",
    },
    "roles.unknown_section": {
        "nl": "onbekende sectie(s) of sleutel(s) {names}; alleen [defaults] en [[rule]] zijn "
        "toegestaan",
        "en": "unknown section(s) or key(s) {names}; only [defaults] and [[rule]] are allowed",
    },
    "roles.defaults_table": {
        "nl": "[defaults] moet een tabel zijn",
        "en": "[defaults] must be a table",
    },
    "roles.unknown_default": {
        "nl": "onbekende sleutel(s) in [defaults]: {names}; toegestaan zijn logged_in en anonymous",
        "en": "unknown key(s) in [defaults]: {names}; allowed are logged_in and anonymous",
    },
    "roles.default_value": {
        "nl": "[defaults] {name} moet 'viewer' of 'none' zijn",
        "en": "[defaults] {name} must be 'viewer' or 'none'",
    },
    "roles.rule_table": {
        "nl": "elke rule moet een tabel zijn ([[rule]])",
        "en": "every rule must be a table ([[rule]])",
    },
    "roles.unknown_key": {
        "nl": "onbekende sleutel(s) {names}; toegestaan zijn {allowed}",
        "en": "unknown key(s) {names}; allowed are {allowed}",
    },
    "roles.not_text": {
        "nl": "{field} moet tekst tussen aanhalingstekens zijn",
        "en": "{field} must be text in quotes",
    },
    "roles.one_selector": {
        "nl": "geef precies één van email, email_domain of claim",
        "en": "give exactly one of email, email_domain or claim",
    },
    "roles.role": {
        "nl": "role moet een van {roles} zijn",
        "en": "role must be one of {roles}",
    },
    "roles.wildcard": {
        "nl": "{field} kent geen jokertekens ('*'); noem elk adres of domein apart",
        "en": "{field} takes no wildcards ('*'); name each address or domain separately",
    },
    "roles.email": {
        "nl": "email is geen e-mailadres (naam@domein.nl)",
        "en": "email is not an e-mail address (name@domain.nl)",
    },
    "roles.email_domain": {
        "nl": "email_domain is geen domeinnaam (zoals minbzk.nl, zonder '@' of naam ervoor)",
        "en": "email_domain is not a domain name (such as minbzk.nl, without '@' or a name)",
    },
    "roles.empty": {"nl": "{field} is leeg", "en": "{field} is empty"},
    "roles.email_claim": {
        "nl": 'gebruik email of email_domain in plaats van claim = "email": een claim-regel '
        "slaat de controle op email_verified over",
        "en": 'use email or email_domain instead of claim = "email": a claim rule skips the '
        "email_verified check",
    },
    "roles.value_without_claim": {
        "nl": "value hoort alleen bij een claim-regel",
        "en": "value belongs only to a claim rule",
    },
    "roles.claim_value": {
        "nl": "een claim-regel heeft een value nodig",
        "en": "a claim rule needs a value",
    },
    "roles.departments_not_uploader": {
        "nl": 'departments hoort alleen bij role = "uploader"; een {role} krijgt er niets '
        "door (een beheerder heeft al alle departementen)",
        "en": 'departments belongs only to role = "uploader"; a {role} gets nothing from it '
        "(an administrator already has every department)",
    },
    "roles.departments_list": {
        "nl": "departments moet een lijst van codes zijn",
        "en": "departments must be a list of codes",
    },
    "roles.unknown_department": {
        "nl": "onbekende departementscode(s): {codes} (codes van sector Rijk in "
        "data/reference/ministries.csv)",
        "en": "unknown department code(s): {codes} (codes of sector Rijk in "
        "data/reference/ministries.csv)",
    },
    "roles.uploader_departments": {
        "nl": "een aanleveraar heeft departments nodig",
        "en": "an uploader needs departments",
    },
}
