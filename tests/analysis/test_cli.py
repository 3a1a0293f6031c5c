"""Tests of `python -m analysis`: real subprocesses, JSON against published results, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import cli

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_json_for_korea_bic_matches_published_choice_and_estimate():
    # SOURCES.md: BIC chooses b:c, c:d with N = 157.1667
    done = run("mse", str(DATA / "korea.csv"), "--model", "bic", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {
        "n_observed",
        "n_hat",
        "se",
        "ci_lower",
        "ci_upper",
        "model",
        "deviance",
        "df",
    } <= set(result)
    assert result["n_observed"] == 123
    assert result["model"] == "b:c,c:d"
    assert result["n_hat"] == pytest.approx(157.1667, abs=5e-5)
    assert result["ci_lower"] < result["n_hat"] < result["ci_upper"]


def test_json_for_korea_stepwise_matches_published_choice():
    # SOURCES.md: stepwise with threshold 0.02 chooses b:c, N = 268.7778
    done = run("mse", str(DATA / "korea.csv"), "--model", "stepwise", "--pthresh", "0.02", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["model"] == "b:c"
    assert result["n_hat"] == pytest.approx(268.7778, abs=5e-5)


def test_json_for_cormack_independence_matches_published_profile_interval():
    # SOURCES.md: N = 209.3, deviance 75.1, df 3, profile interval (203.18, 216.52)
    done = run("mse", str(DATA / "cormack_3.csv"), "--model", "independence", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["n_observed"] == 201
    assert result["model"] == "independence"
    assert result["n_hat"] == pytest.approx(209.3, abs=0.05)
    assert result["deviance"] == pytest.approx(75.1, abs=0.05)
    assert result["df"] == 3
    assert result["ci_lower"] == pytest.approx(203.18, abs=0.005)
    assert result["ci_upper"] == pytest.approx(216.52, abs=0.005)


def test_json_for_darroch_given_model_matches_published_se():
    # SOURCES.md: A:B, B:C gives N = 850, SE 186.3, deviance 3.8, df 1
    done = run(
        "mse",
        str(DATA / "darroch_r3.csv"),
        "--model",
        "A:B,B:C",
        "--json",
        "--interval",
        "lognormal",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert round(result["n_hat"]) == 850
    assert result["se"] == pytest.approx(186.3, abs=0.05)
    assert result["deviance"] == pytest.approx(3.8, abs=0.05)
    assert result["df"] == 1


def test_default_model_is_bic():
    # SOURCES.md: BIC chooses b:c, c:d for korea with N = 157.1667 (Dutch: 157,2)
    done = run("mse", str(DATA / "korea.csv"))
    assert done.returncode == 0, done.stderr
    assert "157,2" in done.stdout and "b:c,c:d" in done.stdout
    assert "kleinste BIC" in done.stdout


def test_bca_interval_from_the_command_line_is_seeded():
    arguments = (
        "mse",
        str(DATA / "cormack_3.csv"),
        "--interval",
        "bca",
        "--n-boot",
        "100",
        "--seed",
        "5",
        "--json",
    )
    first, second = run(*arguments), run(*arguments)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == json.loads(second.stdout)


def test_human_output_is_dutch_with_dutch_numbers_by_default():
    done = run("mse", str(DATA / "korea.csv"), "--model", "stepwise")
    assert done.returncode == 0, done.stderr
    assert "Geschatte totale omvang (N):" in done.stdout
    assert "268,8" in done.stdout  # N = 268.7778
    assert "b:c" in done.stdout
    assert "vrijheidsgraden" in done.stdout


def test_human_output_in_english_on_request():
    done = run("mse", str(DATA / "korea.csv"), "--model", "stepwise", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Estimated total (N):" in done.stdout
    assert "268.8" in done.stdout


def test_not_estimable_model_exits_3_with_a_message():
    done = run("mse", str(DATA / "artificial_3.csv"), "--model", "A:B")
    assert done.returncode == 3
    assert "Niet te schatten" in done.stderr
    assert "Traceback" not in done.stderr
    identifiability = run(
        "mse", str(DATA / "artificial_3.csv"), "--model", "saturated", "--json", "--lang", "en"
    )
    assert identifiability.returncode == 3
    assert json.loads(identifiability.stdout)["estimable"] is False
    assert "not identifiable" in identifiability.stderr


def test_non_binary_value_names_file_line_and_column(tmp_path):
    path = tmp_path / "lists.csv"
    path.write_text("A,B,C,count\n1,0,0,5\n0,2,1,3\n", encoding="utf-8")
    done = run("mse", str(path))
    assert done.returncode == 2
    assert str(path) in done.stderr
    assert "regel 3" in done.stderr
    assert "kolom 'B'" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_count_column_and_unreadable_file_exit_2(tmp_path):
    path = tmp_path / "nocount.csv"
    path.write_text("A,B,C,n\n1,0,0,5\n", encoding="utf-8")
    done = run("mse", str(path), "--lang", "en")
    assert done.returncode == 2
    assert "no 'count' column" in done.stderr and str(path) in done.stderr
    missing = run("mse", str(tmp_path / "absent.csv"))
    assert missing.returncode == 2
    assert "absent.csv" in missing.stderr and "Traceback" not in missing.stderr
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    unreadable = run("mse", str(binary))
    assert unreadable.returncode == 2 and "Traceback" not in unreadable.stderr


def test_unknown_list_in_model_exits_2():
    done = run("mse", str(DATA / "korea.csv"), "--model", "A:B")
    assert done.returncode == 2
    assert "unknown list" in done.stderr


def test_unknown_subcommand_exits_2():
    assert run("nothing").returncode == 2


def test_main_can_be_called_in_process():
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        ["mse", str(DATA / "hav_pq.csv"), "--model", "independence", "--json"], out, err
    )
    assert code == 0
    # Two lists, independence: the Lincoln-Petersen estimate 135 * 122 / 49 = 336.12.
    assert json.loads(out.getvalue())["n_hat"] == pytest.approx(336.12, abs=0.005)


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (1234.5, 1, "nl", "1.234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (1234567.891, 2, "nl", "1.234.567,89"),
        (0.02, 2, "nl", "0,02"),
        (-5.26, 1, "nl", "-5,3"),
        (123, 0, "nl", "123"),
    ],
)
def test_number_format(value, decimals, lang, text):
    assert cli.format_number(value, decimals, lang) == text


def test_headline_json_gives_the_averaged_estimate_with_its_calibrated_level(tmp_path):
    # Four lists with any names and many zero cells, as the product's capture tables are.
    path = tmp_path / "channels.csv"
    path.write_text(
        "integriteit,meld punt,VP-2,KC,count\n"
        "0,0,0,1,19\n0,0,1,0,139\n0,0,1,1,8\n0,1,0,0,27\n0,1,1,0,3\n"
        "1,0,0,0,76\n1,0,1,0,25\n1,0,1,1,13\n1,1,0,0,6\n",
        encoding="utf-8",
    )
    done = run("mse", str(path), "--headline", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"n_hat", "ci_lower", "ci_upper", "level", "method"} <= set(result)
    assert result["method"] == "aic_average_mata"
    assert result["level"] >= 0.9
    assert result["n_observed"] == 316
    assert result["ci_lower"] < result["n_hat"] < result["ci_upper"]
    assert result["lists"] == ["integriteit", "meld punt", "VP-2", "KC"]
    assert result["n_models"] == len(result["models"]) == 64
    assert sum(m["weight"] for m in result["models"]) == pytest.approx(1.0)


def test_headline_text_in_dutch_by_default():
    done = run("mse", str(DATA / "korea.csv"), "--headline")
    assert done.returncode == 0, done.stderr
    assert "AIC-gewichten" in done.stdout and "kalibratiestudie" in done.stdout


def test_headline_not_estimable_exits_3(tmp_path):
    path = tmp_path / "no_overlap.csv"
    path.write_text("A,B,C,count\n1,0,0,5\n0,1,0,4\n0,0,1,3\n", encoding="utf-8")
    done = run("mse", str(path), "--headline", "--json")
    assert done.returncode == 3
    assert json.loads(done.stdout)["estimable"] is False
