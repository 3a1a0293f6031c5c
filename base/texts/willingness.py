"""Texts of the page 'Meldingsbereidheid' (presentation.willingness): is the letter's policy on
willingness to report working, and when could the monitor tell."""

TEXTS: dict[str, dict[str, str]] = {
    "nav.willingness": {"nl": "Meldingsbereidheid", "en": "Willingness to report"},
    "will.title": {"nl": "Meldingsbereidheid", "en": "Willingness to report"},
    "will.intro": {
        "nl": "De brief aan de Kamer antwoordt op onderrapportage met beleid: de meldroutes beter "
        "bekend maken, de meldingsbereidheid vergroten, trainingen en workshops, gerichte "
        "communicatie en aandacht voor vertrouwenspersonen. Deze pagina zet de maatregelen die "
        "ministeries aanleveren naast de geregistreerde meldingen en zegt wanneer de monitor een "
        "verandering kan aantonen.",
        "en": "The letter to parliament answers under-reporting with policy: making the ways to "
        "report better known, raising the willingness to report, trainings and workshops, targeted "
        "communication and attention to confidential advisers. This page sets the measures that "
        "ministries deliver beside the registered reports and says when the monitor can show a "
        "change.",
    },
    "will.caveat": {
        "nl": "Meer meldingen kan betekenen dat meer mensen durven te melden, niet dat er meer "
        "discriminatie is. Minder meldingen kan ook betekenen dat minder mensen melden. De "
        "aantallen alleen zeggen niet welke van de twee het is.",
        "en": "More reports can mean that more people dare to report, not that there is more "
        "discrimination. Fewer reports can also mean that fewer people report. The counts alone "
        "do not say which of the two it is.",
    },
    "will.in_short_heading": {"nl": "In het kort", "en": "In short"},
    "will.short.reach": {
        "nl": "Volgens de {survey} bereikte ongeveer 1 op de {one_in} medewerkers die racisme of "
        "discriminatie ervoeren een geregistreerd meldkanaal.",
        "en": "According to the {survey}, about 1 in {one_in} staff who experienced racism or "
        "discrimination reached a registered channel.",
    },
    "will.short.reach_spread": {
        "nl": "Volgens de {survey} bereikte tussen 1 op de {high} en 1 op de {low} medewerkers die "
        "racisme of discriminatie ervoeren een geregistreerd meldkanaal; hoeveel precies hangt af "
        "van definities en aannames (zie Onderrapportage).",
        "en": "According to the {survey}, between 1 in {high} and 1 in {low} staff who "
        "experienced racism or discrimination reached a registered channel; exactly how many "
        "depends on definitions and assumptions (see Under-reporting).",
    },
    "will.short.no_reach": {
        "nl": "Geen enquête kan nu gelijk gedefinieerd naast het register worden gezet.",
        "en": "No survey can now be set beside the register on matched definitions.",
    },
    "will.short.detectable": {
        "nl": "Bij de huidige aantallen (gemiddeld {expected} meldingen per jaar) toont de monitor "
        "binnen {years} jaar pas een stijging van {rise} aan.",
        "en": "At today's counts (on average {expected} reports a year) the monitor shows a rise "
        "within {years} years only from {rise} on.",
    },
    "will.short.comparison": {
        "nl": "Ministeries die in {start} met {kind} begonnen, zagen hun meldingen per 1.000 fte "
        "{ratio} keer zo sterk veranderen als ministeries zonder (95%-interval {lower} tot "
        "{upper}).",
        "en": "Ministries that started {kind} in {start} saw their reports per 1,000 fte change "
        "{ratio} times as much as ministries without (95% interval {lower} to {upper}).",
    },
    "will.short.no_comparison": {
        "nl": "Een vergelijking van ministeries met en zonder maatregel is met deze gegevens niet "
        "te maken (zie hieronder waarom).",
        "en": "A comparison of ministries with and without a measure cannot be made with these "
        "data (see below why).",
    },
    # --- reach -------------------------------------------------------------------------------
    "will.reach_heading": {
        "nl": "Hoeveel ervaren discriminatie bereikt een meldkanaal?",
        "en": "How much experienced discrimination reaches a channel?",
    },
    "will.reach_intro": {
        "nl": "Per enquêtejaar: de geregistreerde personen gedeeld door het aantal medewerkers dat "
        "volgens de enquête discriminatie of racisme ervoer, met dezelfde definities en "
        "intervallen als op de pagina Onderrapportage. Een stijgend aandeel over de jaren zou "
        "wijzen op een grotere meldingsbereidheid.",
        "en": "Per survey year: the registered persons divided by the staff who, according to the "
        "survey, experienced discrimination or racism, with the same definitions and intervals "
        "as on the Under-reporting page. A rising share over the years would point to a greater "
        "willingness to report.",
    },
    "will.reach_one_survey": {
        "nl": "Er is nu één enquêtejaar dat gelijk gedefinieerd kan worden vergeleken; een "
        "ontwikkeling in de tijd is pas te zien bij een volgende meting.",
        "en": "There is now one survey year that can be compared on matched definitions; a change "
        "over time can only be seen at a next survey.",
    },
    "will.col.survey": {"nl": "Enquête", "en": "Survey"},
    "will.col.year": {"nl": "Jaar", "en": "Year"},
    "will.range": {"nl": "{lower} tot {upper}", "en": "{lower} to {upper}"},
    # --- survey indicators ---------------------------------------------------------------------
    "will.ind_heading": {
        "nl": "Wat medewerkers zeggen over melden",
        "en": "What staff say about reporting",
    },
    "will.ind_intro": {
        "nl": "Wat personeelsonderzoeken publiceren over weten waar je kunt melden, over gemeld "
        "hebben en over vertrouwen in de afhandeling. Alleen wat de bronnen echt zeggen; wat niet "
        "gepubliceerd is, staat hieronder als ontbrekend.",
        "en": "What staff surveys publish on knowing where to report, on having reported and on "
        "trust in the handling. Only what the sources really say; what is not published is "
        "listed below as missing.",
    },
    "will.ind_not_comparable": {
        "nl": "Deze cijfers vormen geen reeks: de onderzoeken verschillen in populatie, vraag en "
        "richting (sommige tellen wie niet tevreden is). Vergelijk alleen cijfers van hetzelfde "
        "onderzoek en dezelfde vraag. Geen van de Personeelsenquêtes Rijk 2016 tot en met 2022 "
        "publiceert deze indicatoren voor sector Rijk.",
        "en": "These figures are not a series: the surveys differ in population, question and "
        "direction (some count those who are not satisfied). Compare only figures of the same "
        "survey and question. None of the Personeelsenquêtes Rijk 2016 to 2022 publishes these "
        "indicators for sector Rijk.",
    },
    "will.ind.knows_where_to_report": {
        "nl": "Weet waar te melden",
        "en": "Knows where to report",
    },
    "will.ind.reported_experience": {"nl": "Heeft gemeld", "en": "Has reported"},
    "will.ind.trust_in_handling": {
        "nl": "Vertrouwen in de afhandeling",
        "en": "Trust in the handling",
    },
    "will.col.indicator": {"nl": "Indicator", "en": "Indicator"},
    "will.col.measured": {"nl": "Wat is gemeten", "en": "What was measured"},
    "will.col.population": {"nl": "Onder wie", "en": "Among whom"},
    "will.col.value": {"nl": "Aandeel", "en": "Share"},
    "will.col.source_kind": {"nl": "Soort bron", "en": "Kind of source"},
    "will.source.published": {"nl": "gepubliceerd", "en": "published"},
    "will.source.secondary": {
        "nl": "aangehaald door een andere bron",
        "en": "quoted by another source",
    },
    "will.ind_missing_heading": {
        "nl": "Niet gepubliceerd (gezocht, niet gevonden)",
        "en": "Not published (searched, not found)",
    },
    "will.ind_missing_line": {
        "nl": "{indicator}: {surveys}",
        "en": "{indicator}: {surveys}",
    },
    "will.ind_sources_heading": {"nl": "Bronnen", "en": "Sources"},
    "will.survey.per": {
        "nl": "Personeelsenquête Rijk",
        "en": "Personeelsenquête Rijk (staff survey)",
    },
    "will.survey.werk": {"nl": "WERKonderzoek", "en": "WERKonderzoek"},
    "will.survey.luisterendoor": {
        "nl": "'Een luisterend oor' (VU/BIOS)",
        "en": "'Een luisterend oor' (VU/BIOS report)",
    },
    "will.survey.crm": {
        "nl": "College voor de Rechten van de Mens",
        "en": "Netherlands Institute for Human Rights",
    },
    "will.survey.sbk": {
        "nl": "Medewerkersonderzoeken van SBK",
        "en": "SBK employee surveys",
    },
    "will.survey.rekenkamer": {
        "nl": "Algemene Rekenkamer, 'Integriteit als basis'",
        "en": "Netherlands Court of Audit, 'Integriteit als basis'",
    },
    "will.ind_sources_intro": {
        "nl": "Waar de cijfers hierboven vandaan komen (referentiegegevens, geen meldingen; "
        "data/reference/survey_indicators.csv geeft per cijfer het citaat):",
        "en": "Where the figures above come from (reference data, not reports; "
        "data/reference/survey_indicators.csv gives the quotation of each figure):",
    },
    "will.cite.per2023_pvdd_questions": {
        "nl": "Kamerstuk 30950 nr. 359 (9 februari 2024), Personeelsenquête Rijk 2023, aangehaald "
        "in de schriftelijke vragen van de PvdD in de Eerste Kamer (35 741, 26 maart 2024)",
        "en": "Kamerstuk 30950 no. 359 (9 February 2024), Personeelsenquête Rijk 2023, quoted in "
        "the written questions of the PvdD in the Eerste Kamer (35 741, 26 March 2024)",
    },
    "will.cite.per2023_binnenlands_bestuur": {
        "nl": "Binnenlands Bestuur (9 februari 2024) over Kamerstuk 30950 nr. 359, Personeelsenquête "
        "Rijk 2023",
        "en": "Binnenlands Bestuur (9 February 2024) on Kamerstuk 30950 no. 359, Personeelsenquête "
        "Rijk 2023",
    },
    "will.cite.werk2019_nos": {
        "nl": "NOS (mei 2020) over Kamerstuk 34843 nr. 41 (29 mei 2020), WERKonderzoek 2019; alle "
        "overheidssectoren, niet alleen sector Rijk",
        "en": "NOS (May 2020) on Kamerstuk 34843 no. 41 (29 May 2020), WERKonderzoek 2019; all "
        "government sectors, not sector Rijk alone",
    },
    "will.cite.luisterendoor2013": {
        "nl": "De Graaf, Lasthuizen e.a., 'Een luisterend oor', VU Amsterdam voor BIOS en BZK "
        "(2013), paragraaf 2.2",
        "en": "De Graaf, Lasthuizen et al., 'Een luisterend oor', VU Amsterdam for BIOS and BZK "
        "(2013), section 2.2",
    },
    "will.cite.crm2021_ed": {
        "nl": "Eindhovens Dagblad (juni 2021) over onderzoek voor het College voor de Rechten van "
        "de Mens",
        "en": "Eindhovens Dagblad (June 2021) on research for the College voor de Rechten van de "
        "Mens",
    },
    "will.cite.sbk2022_newsletter": {
        "nl": "Nieuwsbrief Medezeggenschap (5 oktober 2022) over cijfers van SBK",
        "en": "Nieuwsbrief Medezeggenschap (5 October 2022) on figures of SBK",
    },
    # --- measures ----------------------------------------------------------------------------
    "will.measures_heading": {
        "nl": "Maatregelen naast meldingen, per ministerie",
        "en": "Measures beside reports, by ministry",
    },
    "will.measures_intro": {
        "nl": "Per ministerie en jaar: de activiteiten die het aanleverde (trainingen, workshops, "
        "campagnes, voorlichting) per 1.000 fte, naast de geregistreerde meldingen van "
        "discriminatie per 1.000 fte. Alleen jaren waarin het ministerie maatregelen aanleverde "
        "en de fte compleet is.",
        "en": "Per ministry and year: the activities it delivered (trainings, workshops, "
        "campaigns, information sessions) per 1,000 fte, beside the registered reports of "
        "discrimination per 1,000 fte. Only years in which the ministry delivered measures and "
        "the fte is complete.",
    },
    "will.measures_none": {
        "nl": "Er zijn nog geen maatregelen aangeleverd. Ministeries leveren ze aan via de pagina "
        "Aanleveren of de opdrachtregel, met de kolommen departement, jaar, soort en aantal.",
        "en": "No measures have been delivered yet. Ministries deliver them on the Submit page or "
        "on the command line, with the columns departement, jaar, soort and aantal.",
    },
    "will.measures_synthetic": {
        "nl": "De maatregelen in de demonstratiegegevens zijn verzonnen (SYNTHETISCH).",
        "en": "The measures in the demonstration data are made up (SYNTHETIC).",
    },
    "will.chart_title": {
        "nl": "Activiteiten en meldingen per 1.000 fte, per ministerie",
        "en": "Activities and reports per 1,000 fte, by ministry",
    },
    "will.chart_axis": {"nl": "Per 1.000 fte", "en": "Per 1,000 fte"},
    "will.own_scales": {
        "nl": "Elk ministerie heeft zijn eigen schaal: vergelijk binnen een paneel de twee lijnen "
        "in de tijd, niet de hoogte van panelen. Een onderbroken lijn: dat jaar is afgeschermd, "
        "niet aangeleverd of zonder complete fte.",
        "en": "Each ministry has its own scale: compare the two lines over time within a panel, "
        "not the heights of panels. A broken line: that year is hidden, not delivered or without "
        "complete fte.",
    },
    "will.series.activities": {
        "nl": "Activiteiten per 1.000 fte",
        "en": "Activities per 1,000 fte",
    },
    "will.series.reports": {
        "nl": "Meldingen per 1.000 fte",
        "en": "Reports per 1,000 fte",
    },
    "will.chart_summary": {
        "nl": "{groups} ministeries leverden maatregelen aan. In {year} had {most} de meeste "
        "activiteiten per 1.000 fte ({value}).",
        "en": "{groups} ministries delivered measures. In {year}, {most} had the most activities "
        "per 1,000 fte ({value}).",
    },
    "will.kind.training": {"nl": "Training", "en": "Training"},
    "will.kind.workshop": {"nl": "Workshop", "en": "Workshop"},
    "will.kind.campagne": {"nl": "Campagne", "en": "Campaign"},
    "will.kind.voorlichting": {"nl": "Voorlichting", "en": "Information session"},
    "will.kind.vertrouwenspersonen": {
        "nl": "Vertrouwenspersonen (eind van het jaar)",
        "en": "Confidential advisers (end of year)",
    },
    "will.kind_lower.training": {"nl": "trainingen", "en": "trainings"},
    "will.kind_lower.workshop": {"nl": "workshops", "en": "workshops"},
    "will.kind_lower.campagne": {"nl": "campagnes", "en": "campaigns"},
    "will.kind_lower.voorlichting": {"nl": "voorlichting", "en": "information sessions"},
    "will.col.ministry": {"nl": "Ministerie", "en": "Ministry"},
    "will.col.kind": {"nl": "Soort maatregel", "en": "Kind of measure"},
    "will.col.activities": {"nl": "Aantal", "en": "Number"},
    "will.col.participants": {"nl": "Deelnemers", "en": "Participants"},
    "will.col.per_1000_fte": {"nl": "Per 1.000 fte", "en": "Per 1,000 fte"},
    "will.col.reports": {"nl": "Meldingen", "en": "Reports"},
    "will.col.reports_rate": {
        "nl": "Meldingen per 1.000 fte",
        "en": "Reports per 1,000 fte",
    },
    "will.participants_note": {
        "nl": "Deelnemers onder {threshold} staan als '<{threshold}': een kleine groep deelnemers "
        "is een kleine groep mensen. Leeg: niet aangeleverd.",
        "en": "Participants below {threshold} are shown as '<{threshold}': a small group of "
        "participants is a small group of people. Empty: not delivered.",
    },
    # --- what the data can show ----------------------------------------------------------------
    "will.detect_heading": {
        "nl": "Wat de cijfers kunnen laten zien",
        "en": "What the figures can show",
    },
    "will.detect_intro": {
        "nl": "De kleinste verandering in het aantal meldingen per jaar die de monitor met 80% "
        "kans zou aantonen (tweezijdige toets, 5%), als het nieuwe niveau 1, 3 of 5 jaar duurt. "
        "Een kleinere verandering kan echt zijn, maar is in deze aantallen niet van toeval te "
        "onderscheiden.",
        "en": "The smallest change in the number of reports a year that the monitor would show "
        "with 80% probability (two-sided test, 5%), if the new level lasts 1, 3 or 5 years. A "
        "smaller change may be real, but cannot be told apart from chance at these counts.",
    },
    "will.col.horizon": {"nl": "Binnen", "en": "Within"},
    "will.col.rise": {"nl": "Kleinste aantoonbare stijging", "en": "Smallest detectable rise"},
    "will.col.fall": {"nl": "Kleinste aantoonbare daling", "en": "Smallest detectable fall"},
    "will.horizon": {"nl": "{years} jaar", "en": "{years} years"},
    "will.horizon_one": {"nl": "1 jaar", "en": "1 year"},
    "will.fall_impossible": {
        "nl": "niet aan te tonen",
        "en": "cannot be shown",
    },
    "will.detect_sentence": {
        "nl": "Na één jaar is pas een stijging van {rise_1} aan te tonen; na vijf jaar een van "
        "{rise_5}. Wie wil weten of het beleid werkt, moet dus meerdere jaren afwachten of op "
        "grotere veranderingen letten.",
        "en": "After one year only a rise of {rise_1} can be shown; after five years one of "
        "{rise_5}. Whoever wants to know whether the policy works must therefore wait several "
        "years or look for larger changes.",
    },
    "will.detect_none": {
        "nl": "Er zijn te weinig gepubliceerde jaartotalen om dit te berekenen.",
        "en": "There are too few published year totals to compute this.",
    },
    "will.detect_assumptions_heading": {"nl": "Aannames", "en": "Assumptions"},
    "will.detect_assumption.baseline": {
        "nl": "Het huidige niveau is het gemiddelde van de gepubliceerde jaartotalen van "
        "{years}: {expected} meldingen per jaar.",
        "en": "Today's level is the mean of the published year totals of {years}: {expected} "
        "reports a year.",
    },
    "will.detect_assumption.dispersion": {
        "nl": "Jaren wisselen meer dan bij toeval (een melding kan in twee kanalen staan): de "
        "spreiding is {phi} keer die van een Poissonverdeling, geschat uit de jaren {years}.",
        "en": "Years vary more than by chance (a report can be in two channels): the spread is "
        "{phi} times that of a Poisson distribution, estimated from the years {years}.",
    },
    "will.detect_assumption.poisson_estimated": {
        "nl": "De jaartotalen van {years} wisselen niet meer dan bij toeval rond hun trend; de "
        "spreiding van een Poissonverdeling is aangenomen.",
        "en": "The year totals of {years} vary no more than by chance around their trend; the "
        "spread of a Poisson distribution is assumed.",
    },
    "will.detect_assumption.poisson": {
        "nl": "Jaren wisselen niet meer dan bij toeval (spreiding als een Poissonverdeling); met "
        "minder dan drie jaren is dat niet te schatten.",
        "en": "Years vary no more than by chance (spread as a Poisson distribution); with fewer "
        "than three years this cannot be estimated.",
    },
    "will.detect_assumption.design": {
        "nl": "Vergeleken wordt het gemiddelde van de volgende 1, 3 of 5 jaar met dat van de "
        "basisjaren (toets op de verhouding van twee Poissongemiddelden).",
        "en": "The mean of the next 1, 3 or 5 years is compared with that of the baseline years "
        "(a test of the ratio of two Poisson means).",
    },
    "will.detect_assumption.incomplete": {
        "nl": "In {years} ontbreekt minstens één aanlevering (zie Dekking); het niveau kan daardoor "
        "iets te laag zijn en de aantoonbare verandering iets te groot.",
        "en": "In {years} at least one delivery is missing (see Coverage); the level may therefore "
        "be somewhat too low and the detectable change somewhat too large.",
    },
    "will.detect_assumption.fte": {
        "nl": "Het aantal fte blijft gelijk; per 1.000 fte geldt dan dezelfde relatieve "
        "verandering.",
        "en": "The number of fte stays the same; per 1,000 fte the same relative change then "
        "holds.",
    },
    # --- difference in differences -------------------------------------------------------------
    "will.did_heading": {
        "nl": "Ministeries die een maatregel begonnen, naast ministeries zonder",
        "en": "Ministries that started a measure, beside ministries without",
    },
    "will.did_intro": {
        "nl": "Een voor-en-navergelijking (verschil in verschillen): hoe veranderden de meldingen "
        "per 1.000 fte bij ministeries die in één jaar met een maatregel begonnen, vergeleken met "
        "ministeries die die maatregel niet hadden? Alleen getoond als de gegevens het dragen.",
        "en": "A before/after comparison (difference in differences): how did reports per 1,000 "
        "fte change at ministries that started a measure in one year, compared with ministries "
        "that did not have that measure? Shown only when the data can support it.",
    },
    "will.did_result": {
        "nl": "Na de start van {kind} in {start} veranderden de meldingen per 1.000 fte bij "
        "{treated} {ratio} keer zo sterk als bij {control} (95%-interval {lower} tot {upper}). "
        "In meldingen per 1.000 fte: {difference} (95%-interval {difference_lower} tot "
        "{difference_upper}).",
        "en": "After {kind} started in {start}, reports per 1,000 fte changed {ratio} times as "
        "much at {treated} as at {control} (95% interval {lower} to {upper}). In reports per "
        "1,000 fte: {difference} (95% interval {difference_lower} to {difference_upper}).",
    },
    "will.did_includes_one": {
        "nl": "Het interval bevat 1: geen aantoonbaar verschil tussen de twee groepen.",
        "en": "The interval includes 1: no demonstrable difference between the two groups.",
    },
    "will.did_excludes_one": {
        "nl": "Het interval bevat 1 niet: de groepen veranderden aantoonbaar verschillend. Dat "
        "zegt niet of er meer gemeld of meer gediscrimineerd werd.",
        "en": "The interval does not include 1: the groups changed demonstrably differently. That "
        "does not say whether more was reported or more discrimination took place.",
    },
    "will.did_not_shown": {
        "nl": "De vergelijking wordt niet getoond, omdat:",
        "en": "The comparison is not shown, because:",
    },
    "will.did_left_out": {
        "nl": "Buiten de vergelijking gelaten, omdat hun aantal in een van die jaren is afgeschermd "
        "({below} of {secondary}), niet volledig is aangeleverd of hun fte niet compleet is: "
        "{groups}. Een afgeschermd aantal wordt nooit gebruikt.",
        "en": "Left out of the comparison, because their count is hidden ({below} or {secondary}) "
        "in one of those years, was not fully delivered or their fte is incomplete: {groups}. A "
        "hidden count is never used.",
    },
    "will.did_cohort": {
        "nl": "Begonnen met {kind} in {start}: {treated}. Zonder {kind}: {control}. Jaren: "
        "{years}.",
        "en": "Started {kind} in {start}: {treated}. Without {kind}: {control}. Years: {years}.",
    },
    "will.col.group": {"nl": "Groep", "en": "Group"},
    "will.col.period": {"nl": "Periode", "en": "Period"},
    "will.col.fte_years": {"nl": "Fte-jaren", "en": "Fte-years"},
    "will.group.treated": {"nl": "Met maatregel", "en": "With the measure"},
    "will.group.control": {"nl": "Zonder maatregel", "en": "Without the measure"},
    "will.period.before": {"nl": "Voor ({years})", "en": "Before ({years})"},
    "will.period.after": {"nl": "Na ({years})", "en": "After ({years})"},
    "will.did_assumptions_heading": {
        "nl": "Aannames van de vergelijking",
        "en": "Assumptions of the comparison",
    },
    "will.reason.no_measures": {
        "nl": "er nog geen maatregelen zijn aangeleverd;",
        "en": "no measures have been delivered yet;",
    },
    "will.reason.no_cohort": {
        "nl": "geen ministerie in de aangeleverde jaren met een maatregel begon na een jaar "
        "zonder;",
        "en": "no ministry started a measure after a year without in the years delivered;",
    },
    "will.reason.few_treated_units": {
        "nl": "er minder dan twee ministeries overblijven die in hetzelfde jaar met de maatregel "
        "begonnen;",
        "en": "fewer than two ministries remain that started the measure in the same year;",
    },
    "will.reason.few_control_units": {
        "nl": "er minder dan twee ministeries overblijven die de maatregel nooit hadden;",
        "en": "fewer than two ministries remain that never had the measure;",
    },
    "will.reason.no_before_years": {
        "nl": "er geen jaar vóór de start is;",
        "en": "there is no year before the start;",
    },
    "will.reason.no_after_years": {
        "nl": "er geen jaar na de start is;",
        "en": "there is no year after the start;",
    },
    "will.reason.small_cell_treated_before": {
        "nl": "de ministeries met de maatregel vóór de start samen minder dan {minimum} "
        "meldingen hebben;",
        "en": "the ministries with the measure have fewer than {minimum} reports together before "
        "the start;",
    },
    "will.reason.small_cell_treated_after": {
        "nl": "de ministeries met de maatregel na de start samen minder dan {minimum} meldingen "
        "hebben;",
        "en": "the ministries with the measure have fewer than {minimum} reports together after "
        "the start;",
    },
    "will.reason.small_cell_control_before": {
        "nl": "de ministeries zonder de maatregel vóór de start samen minder dan {minimum} "
        "meldingen hebben;",
        "en": "the ministries without the measure have fewer than {minimum} reports together "
        "before the start;",
    },
    "will.reason.small_cell_control_after": {
        "nl": "de ministeries zonder de maatregel na de start samen minder dan {minimum} "
        "meldingen hebben;",
        "en": "the ministries without the measure have fewer than {minimum} reports together "
        "after the start;",
    },
    "will.reason.pre_trends_differ": {
        "nl": "de twee groepen vóór de start al verschillend veranderden (toets op gelijke "
        "ontwikkeling, p = {p_value});",
        "en": "the two groups already changed differently before the start (test of equal "
        "trends, p = {p_value});",
    },
    "will.reason.pre_trends_not_estimable": {
        "nl": "de ontwikkeling vóór de start niet te toetsen is;",
        "en": "the change before the start cannot be tested;",
    },
    "will.assumption.parallel_trends_log_rates": {
        "nl": "Zonder de maatregel waren de meldingen per 1.000 fte in beide groepen even sterk "
        "(relatief) veranderd.",
        "en": "Without the measure, reports per 1,000 fte would have changed equally (relatively) "
        "in both groups.",
    },
    "will.assumption.no_other_change_at_start": {
        "nl": "In het startjaar veranderde bij de ministeries met de maatregel niets anders dat "
        "het melden beïnvloedt (een reorganisatie, een nieuw meldpunt).",
        "en": "In the start year nothing else that affects reporting changed at the ministries "
        "with the measure (a reorganisation, a new report point).",
    },
    "will.assumption.controls_never_treated": {
        "nl": "De ministeries zonder de maatregel hadden die in geen enkel jaar.",
        "en": "The ministries without the measure did not have it in any year.",
    },
    "will.assumption.exposure_is_fte": {
        "nl": "Meldingen schalen met het aantal fte.",
        "en": "Reports scale with the number of fte.",
    },
    "will.assumption.overdispersion_phi": {
        "nl": "Aantallen wisselen {phi} keer zo sterk als bij een Poissonverdeling (geschat); "
        "het interval is daarmee verbreed.",
        "en": "Counts vary {phi} times as much as under a Poisson distribution (estimated); the "
        "interval is widened by it.",
    },
    "will.did_causal": {
        "nl": "Ook als de aannames kloppen, zegt een verschil niet of er meer gemeld werd of meer "
        "gediscrimineerd. De maatregel is niet willekeurig toegewezen.",
        "en": "Even if the assumptions hold, a difference does not say whether more was reported "
        "or more discrimination took place. The measure was not assigned at random.",
    },
}
