#!/usr/bin/env bash
# Install everything the tests need into .venv (and Debian's chromium for the browser tests when
# running as root), then lint (ruff, the import-linter layer contract) and run every test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Debian's chromium is missing: install it (sudo apt-get install chromium) for the browser tests." >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
# The layers point one way and no package imports in a circle (docs/architecture.md).
.venv/bin/lint-imports --no-cache
if [ "$#" -eq 0 ] || [ "$*" = "-p no:cacheprovider" ]; then
  # The ETL fixtures are small, so by default they take the row-by-row reader; run them once
  # more through the columnar reader that large files take.
  MELDINGEN_COLUMNAR_MIN_BYTES=0 .venv/bin/python -m pytest -q "$@" tests/etl
fi
exec .venv/bin/python -m pytest "$@"
