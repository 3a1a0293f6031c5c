"""Command line for analysts: runs the analysis functions on files, outside the dashboard."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import model_averaging, mse
from base.texts import TEXTS
from base.texts import text as translate

EXIT_OK = 0
EXIT_BAD_INPUT = 2  # also what argparse uses for a bad command line
EXIT_NOT_ESTIMABLE = 3


class _Words:
    """The command's words from the product's translation table (keys 'mse.cli.*')."""

    def __init__(self, lang: str, prefix: str = "mse.cli"):
        self.lang = lang
        self.prefix = prefix

    def __getitem__(self, key: str):
        name = f"{self.prefix}.{key}"
        if name in TEXTS:
            return translate(name, self.lang)
        return _Words(self.lang, name)  # a group of words, such as the selection methods


def format_number(value: float, decimals: int = 1, lang: str = "nl") -> str:
    """1234.5 -> "1.234,5" in Dutch, "1,234.5" in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=("nl", "en"), default="nl", help="language of the output (default nl)"
    )
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyses of the Meldingenmonitor Rijk for analysts.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    estimate = commands.add_parser(
        "mse",
        parents=[common],
        help="multiple systems estimation from a capture-history table",
        description=(
            "Estimate the total number of cases, including those on no list, from a CSV with "
            "one 0/1 column per list plus 'count'."
        ),
    )
    estimate.add_argument("file", type=Path, help="capture-history CSV")
    estimate.add_argument(
        "--model",
        default="bic",
        help=(
            "independence, saturated, stepwise, aic, bic, or interactions such as "
            '"A:B,B:C" (default bic)'
        ),
    )
    estimate.add_argument(
        "--pthresh",
        type=float,
        default=mse.DEFAULT_PTHRESH,
        help="p-value threshold of the stepwise choice (default 0.02)",
    )
    estimate.add_argument(
        "--interval",
        choices=mse.INTERVAL_METHODS,
        default="profile",
        help="confidence interval (default profile)",
    )
    estimate.add_argument(
        "--level", type=float, default=mse.DEFAULT_LEVEL, help="confidence level (default 0.95)"
    )
    estimate.add_argument(
        "--n-boot", type=int, default=1000, help="bootstrap replicates for --interval bca"
    )
    estimate.add_argument("--seed", type=int, default=None, help="seed for --interval bca")
    estimate.add_argument(
        "--resample",
        choices=mse.BOOTSTRAP_RESAMPLING,
        default="population",
        help="bootstrap resampling for --interval bca (default population)",
    )
    estimate.add_argument(
        "--headline",
        action="store_true",
        help=(
            "the estimate a page leads with: AIC-weighted average over every estimable model with "
            "its calibrated interval (docs/mse.md); --model, --interval, --level and the "
            "bootstrap options are then not used"
        ),
    )
    estimate.add_argument("--json", action="store_true", help="print JSON instead of text")
    estimate.set_defaults(run=run_mse)
    return parser


def _not_estimable_text(error: mse.NotEstimableError, lang: str) -> str:
    verdict = error.verdict
    words = _Words(lang)
    if verdict is None:
        return str(error)
    reasons = []
    if not verdict.identifiable:
        reasons.append(
            words["not_identifiable"].format(
                model=verdict.interactions, deficiency=verdict.rank_deficiency
            )
        )
    if not verdict.mle_exists:
        reasons.append(words["no_mle"].format(model=verdict.interactions))
    return "; ".join(reasons) or str(error)


def _json_number(value: float) -> float | None:
    return value if math.isfinite(value) else None


def run_mse(args: argparse.Namespace, out, err) -> int:
    lang = args.lang
    words = _Words(lang)
    try:
        table = mse.read_capture_table(args.file)
    except mse.CaptureTableError as error:
        print(f"{words['error_input']}: {error.message(lang)}", file=err)
        return EXIT_BAD_INPUT
    if not 0 < args.level < 1 or not 0 <= args.pthresh <= 1 or args.n_boot < 10:
        print(
            f"{words['error_argument']}: --level in (0, 1), --pthresh in [0, 1], --n-boot >= 10",
            file=err,
        )
        return EXIT_BAD_INPUT
    if args.headline:
        return _run_headline(args, table, out, err)
    try:
        result = mse.estimate_population(
            table,
            args.model,
            args.interval,
            pthresh=args.pthresh,
            level=args.level,
            n_boot=args.n_boot,
            seed=args.seed,
            resample=args.resample,
        )
    except mse.NotEstimableError as error:
        message = _not_estimable_text(error, lang)
        if args.json:
            json.dump({"estimable": False, "message": message}, out, ensure_ascii=False)
            out.write("\n")
        print(f"{words['not_estimable']}: {message}", file=err)
        return EXIT_NOT_ESTIMABLE
    except ValueError as error:
        # parse_interactions rejects unknown lists or malformed terms in --model
        print(f"{words['error_argument']} --model: {error}", file=err)
        return EXIT_BAD_INPUT

    if args.json:
        payload = {
            "n_observed": result.n_observed,
            "n_hat": result.n_hat,
            "se": result.se,
            "ci_lower": _json_number(result.lower),
            "ci_upper": _json_number(result.upper),
            "model": result.model,
            "deviance": result.deviance,
            "df": result.df,
            "method": result.choice.method,
            "interval": result.interval.method,
            "level": result.interval.level,
            "lists": list(table.list_names),
            "empty_overlaps": result.fit.empty_overlaps,
            "notes": list(result.interval.notes),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(_human_text(args, table, result, lang))
    return EXIT_OK


def _run_headline(args: argparse.Namespace, table: mse.CaptureTable, out, err) -> int:
    lang = args.lang
    words = _Words(lang)
    try:
        result = model_averaging.headline_estimate(table)
    except mse.NotEstimableError as error:
        message = _not_estimable_text(error, lang)
        if args.json:
            json.dump({"estimable": False, "message": message}, out, ensure_ascii=False)
            out.write("\n")
        print(f"{words['not_estimable']}: {message}", file=err)
        return EXIT_NOT_ESTIMABLE
    except ValueError as error:  # more lists than an exhaustive search allows
        print(f"{words['error_argument']} --headline: {error}", file=err)
        return EXIT_BAD_INPUT
    if args.json:
        payload = {
            "n_observed": result.n_observed,
            "n_hat": result.n_hat,
            "ci_lower": _json_number(result.lower),
            "ci_upper": _json_number(result.upper),
            "level": result.level,
            "nominal_level": result.nominal_level,
            "method": result.method,
            "median": result.median,
            "lists": list(table.list_names),
            "n_models": len(result.models),
            "n_not_estimable": result.n_not_estimable,
            "effective_models": result.effective_models,
            "best_model": result.best.interactions,
            "models": [
                {
                    "model": m.interactions,
                    "empty_overlaps": m.empty_overlaps,
                    "aic": m.aic,
                    "weight": m.weight,
                    "n_hat": m.n_hat,
                    "se": m.se,
                    "ci_lower": _json_number(m.lower),
                    "ci_upper": _json_number(m.upper),
                }
                for m in result.models
            ],
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(_headline_text(args, table, result, lang))
    return EXIT_OK


def _headline_text(
    args, table: mse.CaptureTable, result: model_averaging.ModelAverage, lang: str
) -> str:
    words = _Words(lang)

    def number(value: float) -> str:
        return words["unbounded"] if math.isinf(value) else format_number(value, 0, lang)

    level = format_number(100 * result.level, 0, lang)
    nominal = format_number(100 * result.nominal_level, 0, lang)
    best = result.best
    best_model = words["independence"] if best.interactions == "independence" else best.interactions
    rows = [
        (words["lists"], ", ".join(table.list_names)),
        (words["n_observed"], format_number(result.n_observed, 0, lang)),
        # The command prints only the headline, whose method is fixed (HEADLINE_METHOD).
        (words["headline_method"], words["headline_method_aic_average_mata"]),
        (words["n_hat"], number(result.n_hat)),
        (
            words["headline_interval"].format(level=level),
            f"{number(result.lower)} – {number(result.upper)}",
        ),
        (words["headline_level"], words["headline_level_value"].format(
            level=level, nominal=nominal)),
        (words["models_averaged"], words["models_averaged_value"].format(
            models=len(result.models), skipped=result.n_not_estimable,
            effective=format_number(result.effective_models, 1, lang))),
        (words["best_model"], words["best_model_value"].format(
            model=best_model, n_hat=number(best.n_hat),
            weight=format_number(100 * best.weight, 0, lang))),
        (words["model_spread"], f"{number(min(m.n_hat for m in result.models))} – "
         f"{number(max(m.n_hat for m in result.models))}"),
    ]  # fmt: skip
    width = max(len(label) for label, _ in rows)
    lines = [words["headline_title"].format(file=args.file)]
    lines += [f"  {label + ':':<{width + 1}} {value}" for label, value in rows]
    return "\n".join(lines) + "\n"


def _human_text(args, table: mse.CaptureTable, result: mse.PopulationEstimate, lang: str) -> str:
    words = _Words(lang)

    def number(value: float, decimals: int = 1) -> str:
        if math.isinf(value):
            return words["unbounded"]
        return format_number(value, decimals, lang)

    method = words["methods"][result.choice.method].format(
        pthresh=format_number(args.pthresh, 2, lang)
    )
    interval_method = words["intervals"][result.interval.method].format(
        n_boot=format_number(args.n_boot, 0, lang)
    )
    level = format_number(100 * result.interval.level, 0, lang)
    model = words["independence"] if result.model == "independence" else result.model
    rows = [
        (words["lists"], ", ".join(table.list_names)),
        (words["n_observed"], format_number(result.n_observed, 0, lang)),
        (words["model"], model),
        (words["chosen_by"], method),
        (words["n_hat"], number(result.n_hat)),
        (words["se"], number(result.se)),
        (words["interval"].format(level=level), f"{number(result.lower)} – {number(result.upper)}"),
        (words["interval_method"], interval_method),
        (
            words["deviance"],
            words["deviance_value_one" if result.df == 1 else "deviance_value"].format(
                deviance=number(result.deviance, 2), df=result.df
            ),
        ),
    ]
    if result.fit.empty_overlaps:
        rows.append((words["empty_overlaps"], result.fit.empty_overlaps))
    rows += [(words["note"], mse.interval_note_text(code, lang)) for code in result.interval.notes]
    width = max(len(label) for label, _ in rows)
    lines = [words["title"].format(file=args.file)]
    lines += [f"  {label + ':':<{width + 1}} {value}" for label, value in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None, out=None, err=None) -> int:
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    args = build_parser().parse_args(argv)
    return args.run(args, out, err)
