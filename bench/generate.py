"""Synthetic exports in the data contract's format at benchmark scale, deterministic by seed.

`python -m bench generate --scales 1k,100k,1m [--seed N]` writes, per scale, into bench/data/<scale>/:

- `meldingen.csv`: every report of twenty years (2006-2025) in one file, one row per report (a
  few rows stand for several identical reports with `aantal`, a few are explicit zero rows);
- `split/<ministry>_<year>_meldingen.csv`: the same rows, one file per ministry and year, as
  departments deliver them;
- `fte.csv`: fte and headcount per ministry and year;
- `manifest.json`: rows, reports, bytes and sha256 of every file.

Every ministry of sector Rijk that existed in a year (data/reference/ministries.csv) delivers that
year, through all five channels. The mix is skewed the way registrations are: ministries by
their size, a growing volume over the years, most reports at confidential advisers, bullying and
sexual harassment far ahead of discrimination, a long tail of legal grounds and units, a share
of pseudonymous link keys that recur across channels of one ministry, ministries written as code
or as full name (with the commas that need CSV quoting), and channel and category aliases.

Determinism: one numpy Generator (PCG64) seeded with the seed; numpy is pinned in
requirements.txt, so the same seed gives the same bytes (the manifest's sha256 shows it).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from base.reference import ministries
from etl import contract

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / "data"
DEFAULT_SEED = 20061231
YEARS = tuple(range(2006, 2026))  # twenty complete years, the last one 2025
SCALES: dict[str, int] = {"1k": 1_000, "100k": 100_000, "1m": 1_000_000}
COLUMNS = tuple(column.name for column in contract.REPORT_COLUMNS)  # the contract's order

# Size of a ministry (share of sector Rijk staff, per mille); successors split their predecessor.
MINISTRY_WEIGHT = {
    "AZ": 5, "BZ": 50, "BZK": 90, "EZK": 65, "EZ": 45, "KGG": 20, "FIN": 250, "IenW": 115,
    "JenV": 250, "AenM": 50, "LNV": 60, "LVVN": 60, "OCW": 40, "SZW": 20, "VWS": 30, "VRO": 15,
}  # fmt: skip
ANNUAL_GROWTH = 1.06  # registrations grow as awareness and staff grow
CHANNEL_WEIGHT = {
    "vertrouwenspersoon": 0.46,
    "integriteitscoordinator": 0.24,
    "meldpunt": 0.14,
    "klachtencommissie": 0.09,
    "leidinggevende": 0.07,
}
# How a channel is written in the export (canonical first); the aliases are part of the contract.
CHANNEL_SPELLINGS = {
    "vertrouwenspersoon": ("vertrouwenspersoon", "Vertrouwenspersoon integriteit", "VP"),
    "integriteitscoordinator": ("integriteitscoordinator", "Integriteitscoördinator"),
    "meldpunt": ("meldpunt", "Meldpunt Integriteit"),
    "klachtencommissie": ("klachtencommissie", "KCOO"),
    "leidinggevende": ("leidinggevende",),
}
CATEGORY_WEIGHT = {
    "pesten": 0.30,
    "seksuele_intimidatie": 0.20,
    "agressie_geweld": 0.14,
    "overig": 0.14,
    "discriminatie": 0.14,
    "racisme": 0.08,
}
DISCRIMINATION = ("discriminatie", "racisme")
GROUND_WEIGHT = {
    "ras": 0.30, "geslacht": 0.17, "leeftijd": 0.10, "handicap_chronische_ziekte": 0.09,
    "seksuele_gerichtheid": 0.08, "godsdienst": 0.07, "nationaliteit": 0.06, "arbeidsduur": 0.03,
    "contract": 0.03, "politieke_gezindheid": 0.02, "levensovertuiging": 0.02,
    "burgerlijke_staat": 0.01, "overig": 0.01, "onbekend": 0.01,
}  # fmt: skip
OUTCOME_WEIGHT = {
    "ongegrond": 0.30, "gegrond": 0.22, "deels_gegrond": 0.12, "ingetrokken": 0.12,
    "niet_ontvankelijk": 0.08, "in_behandeling": 0.10, "onbekend": 0.06,
}  # fmt: skip
UNITS = (
    "kerndepartement", "uitvoeringsorganisatie", "inspectie", "agentschap", "buitendienst",
    "shared service centre", "rijksdienst", "directie bedrijfsvoering", "regiokantoor noord",
    "regiokantoor zuid", "regiokantoor oost", "regiokantoor west", "kenniscentrum",
)  # fmt: skip
SHARE_AGGREGATED = 0.03  # rows standing for 2..6 identical reports
SHARE_LINK_KEY = 0.18  # rows with a pseudonymous case key
SHARE_ZERO_SCOPES = 0.02  # (ministry, year, channel) delivered as an explicit zero row
SHARE_FULL_NAME = 0.05  # ministry written as 'Ministerie van ...' instead of its code
SHARE_ALIAS = 0.08  # channel written with an alias


@dataclass(frozen=True)
class Generated:
    scale: str
    folder: Path
    reports_csv: Path
    split_dir: Path
    fte_csv: Path
    rows: int
    reports: int
    files_split: int


def _scopes() -> pd.DataFrame:
    """Every (year, ministry) of sector Rijk that existed, with its share of the volume."""
    rows = []
    for year in YEARS:
        present = [m for m in ministries() if m.in_sector_rijk and m.exists_in_year(year)]
        for ministry in present:
            weight = MINISTRY_WEIGHT[ministry.code] * ANNUAL_GROWTH ** (year - YEARS[0])
            if year == 2024 and (ministry.successor_codes or _is_successor(ministry.code)):
                weight /= 2  # predecessor until 1 July, successor after
            rows.append({"year": year, "code": ministry.code, "weight": weight})
    return pd.DataFrame(rows)


def _is_successor(code: str) -> bool:
    return any(code in m.successor_codes for m in ministries())


def _choice(rng: np.random.Generator, weights: dict[str, float], size: int) -> np.ndarray:
    labels = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    return labels[rng.choice(len(labels), size=size, p=p / p.sum())]


def _hex_keys(values: np.ndarray, salt: int) -> np.ndarray:
    """splitmix64 of an integer: 16 hex digits that look random and are unique per input."""
    z = values.astype(np.uint64) ^ np.uint64((salt * 0x9E3779B97F4A7C15) % 2**64)
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return np.array([f"{int(v):016x}" for v in z], dtype=object)


def reports_frame(rows: int, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """`rows` rows of an export, as text cells in the contract's columns, in delivery order."""
    rng = np.random.default_rng(seed)
    scopes = _scopes()
    names = {m.code: m.name_nl for m in ministries()}

    # Explicit zero rows: a few (ministry, year, channel) with nothing to report; no other rows.
    grid = scopes.merge(pd.DataFrame({"channel": list(CHANNEL_WEIGHT)}), how="cross")
    # Never the confidential adviser: rows drawn into a zero scope move there (see below).
    drawn = rng.random(len(grid)) < SHARE_ZERO_SCOPES
    zero = grid[drawn & (grid["channel"] != "vertrouwenspersoon")].reset_index(drop=True)
    zero = zero.head(max(1, min(len(zero), rows // 50)))
    zero_keys = set(zip(zero["year"], zero["code"], zero["channel"], strict=True))

    n = rows - len(zero)
    scope_index = rng.choice(len(scopes), size=n, p=scopes["weight"] / scopes["weight"].sum())
    frame = pd.DataFrame(
        {
            "year": scopes["year"].to_numpy()[scope_index],
            "code": scopes["code"].to_numpy()[scope_index],
            "channel": _choice(rng, CHANNEL_WEIGHT, n),
        }
    )
    # A row drawn into a zero scope moves to the confidential adviser of its ministry and year.
    in_zero = pd.Series(
        [k in zero_keys for k in zip(frame["year"], frame["code"], frame["channel"], strict=True)]
    )
    frame.loc[in_zero, "channel"] = "vertrouwenspersoon"

    category = _choice(rng, CATEGORY_WEIGHT, n)
    is_discrimination = np.isin(category, DISCRIMINATION)
    concerns = np.full(n, "", dtype=object)  # default: ja for discrimination, nee otherwise
    partly = (~is_discrimination) & (rng.random(n) < 0.04)
    concerns[partly] = "deels"
    explicit = rng.random(n) < 0.25
    concerns[explicit & is_discrimination] = "ja"
    concerns[explicit & ~is_discrimination & ~partly] = "nee"
    ground = np.full(n, "", dtype=object)
    has_ground = is_discrimination | partly
    ground[has_ground] = _choice(rng, GROUND_WEIGHT, int(has_ground.sum()))
    ground[is_discrimination & (category == "racisme")] = "ras"
    outcome = np.full(n, "", dtype=object)
    has_outcome = (frame["channel"].to_numpy() == "klachtencommissie") | (rng.random(n) < 0.35)
    outcome[has_outcome] = _choice(rng, OUTCOME_WEIGHT, int(has_outcome.sum()))
    # Units: a long tail (Zipf-like) within each ministry; 40% leave it empty.
    unit_rank = np.minimum(rng.zipf(1.6, size=n), len(UNITS)) - 1
    organisation = np.array(UNITS, dtype=object)[unit_rank]
    organisation[rng.random(n) < 0.40] = ""

    count = np.ones(n, dtype=np.int64)
    aggregated = rng.random(n) < SHARE_AGGREGATED
    count[aggregated] = rng.integers(2, 7, size=int(aggregated.sum()))

    # Link keys: a case number per ministry-year; the same case in two channels is one case seen
    # twice (the link), the same case twice in one channel is not allowed, so those lose the key.
    keyed = (~aggregated) & (rng.random(n) < SHARE_LINK_KEY)
    scope_id = scope_index.astype(np.int64)
    cases_per_scope = np.bincount(scope_id[keyed], minlength=len(scopes))
    case = np.zeros(n, dtype=np.int64)
    case[keyed] = rng.integers(
        0, np.maximum(1, (cases_per_scope[scope_id[keyed]] * 0.9)).astype(int)
    )
    keyed_frame = pd.DataFrame(
        {
            "scope": scope_id[keyed],
            "channel": frame["channel"].to_numpy()[keyed],
            "case": case[keyed],
        }
    )
    repeat = keyed_frame.duplicated(keep="first").to_numpy()
    keyed_positions = np.flatnonzero(keyed)
    keyed[keyed_positions[repeat]] = False
    link_key = np.full(n, "", dtype=object)
    link_key[keyed] = _hex_keys((scope_id[keyed] << 32) + case[keyed], seed)

    department = frame["code"].to_numpy().astype(object)
    full = rng.random(n) < SHARE_FULL_NAME
    department[full] = [names[c] for c in department[full]]
    channel_text = frame["channel"].to_numpy().astype(object)
    alias = rng.random(n) < SHARE_ALIAS
    for channel, spellings in CHANNEL_SPELLINGS.items():
        which = alias & (channel_text == channel)
        if len(spellings) > 1 and which.any():
            channel_text[which] = np.array(spellings[1:], dtype=object)[
                rng.integers(0, len(spellings) - 1, size=int(which.sum()))
            ]

    body = pd.DataFrame(
        {
            "departement": department,
            "jaar": frame["year"].astype(str).to_numpy(),
            "kanaal": channel_text,
            "categorie": category,
            "betreft_discriminatie": concerns,
            "grond": ground,
            "uitkomst": outcome,
            "organisatie": organisation,
            "aantal": count.astype(str),
            "koppelsleutel": link_key,
        }
    )
    zeros = pd.DataFrame(
        {
            "departement": zero["code"].to_numpy(),
            "jaar": zero["year"].astype(str).to_numpy(),
            "kanaal": zero["channel"].to_numpy(),
            **dict.fromkeys(COLUMNS[3:8], ""),
            "aantal": "0",
            "koppelsleutel": "",
        }
    )
    # Delivery order: by year and ministry, as the yearly exports are concatenated.
    body["_year"], body["_code"] = frame["year"].to_numpy(), frame["code"].to_numpy()
    zeros["_year"], zeros["_code"] = zero["year"].to_numpy(), zero["code"].to_numpy()
    everything = pd.concat([body, zeros], ignore_index=True)
    everything = everything.sort_values(["_year", "_code"], kind="stable").reset_index(drop=True)
    return everything


def fte_frame() -> pd.DataFrame:
    scopes = _scopes()
    total = {year: 110_000 * 1.02 ** (year - 2017) for year in YEARS}
    share = scopes["weight"] / scopes.groupby("year")["weight"].transform("sum")
    fte = (share * scopes["year"].map(total)).round(1)
    return pd.DataFrame(
        {
            "departement": scopes["code"],
            "jaar": scopes["year"].astype(str),
            "fte": fte.map(lambda v: f"{v:.1f}".replace(".", ",")),
            "medewerkers": (fte * 1.08).round().astype(int).astype(str),
        }
    )


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def generate(scale: str, seed: int = DEFAULT_SEED, out_dir: Path = DATA_DIR) -> Generated:
    """Write the files of one scale (skipped when the manifest says they exist with this seed)."""
    rows = SCALES[scale]
    folder = out_dir / scale
    manifest_path = folder / "manifest.json"
    reports_csv, split_dir, fte_csv = folder / "meldingen.csv", folder / "split", folder / "fte.csv"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("seed") == seed and reports_csv.exists():
            return Generated(
                scale, folder, reports_csv, split_dir, fte_csv, manifest["rows"],
                manifest["reports"], manifest["files_split"],
            )  # fmt: skip
    frame = reports_frame(rows, seed)
    _write_csv(frame[list(COLUMNS)], reports_csv)
    if split_dir.exists():
        for old in split_dir.glob("*.csv"):
            old.unlink()
    files_split = 0
    for (year, code), part in frame.groupby(["_year", "_code"], sort=True):
        _write_csv(part[list(COLUMNS)], split_dir / f"{code}_{year}_meldingen.csv")
        files_split += 1
    _write_csv(fte_frame(), fte_csv)
    reports = int(frame["aantal"].astype(int).sum())
    manifest = {
        "scale": scale,
        "seed": seed,
        "rows": len(frame),
        "reports": reports,
        "years": [YEARS[0], YEARS[-1]],
        "files_split": files_split,
        "bytes": reports_csv.stat().st_size,
        "sha256": {"meldingen.csv": _sha256(reports_csv), "fte.csv": _sha256(fte_csv)},
    }
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return Generated(
        scale, folder, reports_csv, split_dir, fte_csv, len(frame), reports, files_split
    )
