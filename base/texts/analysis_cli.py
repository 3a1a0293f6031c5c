"""Texts of python -m analysis mse."""

TEXTS: dict[str, dict[str, str]] = {
    "mse.cli.title": {
        "nl": "Meervoudige-systeemschatting (log-lineair Poissonmodel) voor {file}",
        "en": "Multiple systems estimation (log-linear Poisson model) for {file}",
    },
    "mse.cli.lists": {"nl": "Lijsten", "en": "Lists"},
    "mse.cli.n_observed": {"nl": "Waargenomen gevallen (n)", "en": "Observed cases (n)"},
    "mse.cli.model": {
        "nl": "Model (tweewegsinteracties)",
        "en": "Model (two-way interactions)",
    },
    "mse.cli.chosen_by": {"nl": "Gekozen met", "en": "Chosen by"},
    "mse.cli.n_hat": {"nl": "Geschatte totale omvang (N)", "en": "Estimated total (N)"},
    "mse.cli.se": {"nl": "Standaardfout", "en": "Standard error"},
    "mse.cli.interval": {"nl": "{level}%-interval", "en": "{level}% interval"},
    "mse.cli.interval_method": {"nl": "Intervalmethode", "en": "Interval method"},
    "mse.cli.deviance": {"nl": "Deviantie", "en": "Deviance"},
    "mse.cli.deviance_value": {
        "nl": "{deviance} bij {df} vrijheidsgraden",
        "en": "{deviance} on {df} degrees of freedom",
    },
    "mse.cli.deviance_value_one": {
        "nl": "{deviance} bij 1 vrijheidsgraad",
        "en": "{deviance} on 1 degree of freedom",
    },
    "mse.cli.unbounded": {"nl": "onbegrensd", "en": "unbounded"},
    "mse.cli.independence": {
        "nl": "onafhankelijkheid (geen interacties)",
        "en": "independence (no interactions)",
    },
    "mse.cli.empty_overlaps": {
        "nl": "Lijsten zonder gedeelde gevallen (interactie op -oneindig gezet)",
        "en": "Lists sharing no case (interaction set to -infinity)",
    },
    "mse.cli.note": {"nl": "Let op", "en": "Note"},
    "mse.cli.methods.independence": {
        "nl": "onafhankelijkheidsmodel",
        "en": "independence model",
    },
    "mse.cli.methods.saturated": {
        "nl": "verzadigd model (alle tweewegsinteracties)",
        "en": "saturated model (all two-way interactions)",
    },
    "mse.cli.methods.fixed": {"nl": "opgegeven model", "en": "given model"},
    "mse.cli.methods.stepwise": {
        "nl": "stapsgewijze keuze (Chan, Silverman & Vincent 2021), drempel {pthresh}",
        "en": "stepwise choice (Chan, Silverman & Vincent 2021), threshold {pthresh}",
    },
    "mse.cli.methods.aic": {
        "nl": "kleinste AIC over alle hiërarchische modellen",
        "en": "smallest AIC over all hierarchical models",
    },
    "mse.cli.methods.bic": {
        "nl": "kleinste BIC over alle hiërarchische modellen",
        "en": "smallest BIC over all hierarchical models",
    },
    "mse.cli.intervals.profile": {
        "nl": "profiel-aannemelijkheid met Cormack-correctie",
        "en": "profile likelihood with Cormack correction",
    },
    "mse.cli.intervals.lognormal": {
        "nl": "log-normaal, Chao 1987",
        "en": "log-normal, Chao 1987",
    },
    "mse.cli.intervals.bca": {
        "nl": "BCa-bootstrap, {n_boot} replicaties, modelkeuze herhaald",
        "en": "BCa bootstrap, {n_boot} replicates, model choice repeated",
    },
    "mse.cli.error_input": {"nl": "Fout in invoer", "en": "Error in input"},
    "mse.cli.error_argument": {"nl": "Fout in argument", "en": "Error in argument"},
    "mse.cli.not_estimable": {"nl": "Niet te schatten", "en": "Not estimable"},
    "mse.cli.not_identifiable": {
        "nl": "model {model} is niet identificeerbaar: de ontwerpmatrix heeft niet volle rang (tekort {deficiency})",
        "en": "model {model} is not identifiable: the design matrix is rank deficient (by {deficiency})",
    },
    "mse.cli.no_mle": {
        "nl": "voor model {model} bestaat de meest aannemelijke schatting niet: de tellingen liggen op de rand (een cel zou op nul geschat moeten worden)",
        "en": "for model {model} the maximum likelihood estimate does not exist: the counts lie on the boundary (a cell would have to be estimated as zero)",
    },
    "mse.cli.headline_title": {
        "nl": "Meervoudige-systeemschatting, kopcijfer (gemiddeld over modellen) voor {file}",
        "en": "Multiple systems estimation, headline (averaged over models) for {file}",
    },
    "mse.cli.headline_method": {"nl": "Methode", "en": "Method"},
    "mse.cli.headline_method_aic_average_mata": {
        "nl": "gemiddelde over alle schatbare log-lineaire modellen met AIC-gewichten; "
        "MATA-interval (Turek & Fletcher 2012)",
        "en": "average over all estimable log-linear models with AIC weights; "
        "MATA interval (Turek & Fletcher 2012)",
    },
    "mse.cli.headline_interval": {
        "nl": "Interval (dekt {level}%)",
        "en": "Interval (covers {level}%)",
    },
    "mse.cli.headline_level": {"nl": "Betrouwbaarheid", "en": "Confidence"},
    "mse.cli.headline_level_value": {
        "nl": "dekte in de kalibratiestudie minstens {level}% (berekend op nominaal {nominal}%; "
        "docs/mse.md)",
        "en": "covered at least {level}% in the calibration study (computed at nominal "
        "{nominal}%; docs/mse.md)",
    },
    "mse.cli.models_averaged": {"nl": "Modellen", "en": "Models"},
    "mse.cli.models_averaged_value": {
        "nl": "{models} schatbaar ({skipped} niet), effectief {effective}",
        "en": "{models} estimable ({skipped} not), effectively {effective}",
    },
    "mse.cli.best_model": {"nl": "Beste model (AIC)", "en": "Best model (AIC)"},
    "mse.cli.best_model_value": {
        "nl": "{model}: N {n_hat}, gewicht {weight}%",
        "en": "{model}: N {n_hat}, weight {weight}%",
    },
    "mse.cli.model_spread": {
        "nl": "Schattingen van alle modellen",
        "en": "Estimates of all models",
    },
}
