#!/usr/bin/env bash
# Install the runtime into .venv and start the dashboard on http://127.0.0.1:8501.
# The first start loads the bundled synthetic demo data when no warehouse exists yet.
# Every step says what it does: the first install downloads a few hundred MB and takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
step() { printf '\n[%s/4] %s\n' "$1" "$2"; }

step 1 "Python 3.11 and the virtual environment (.venv)"
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
if [ -x .venv/bin/python ]; then
  echo "    .venv exists"
else
  echo "    creating .venv"
  "$PYTHON" -m venv .venv
fi

step 2 "Python packages (requirements.txt)"
# pip is asked only when requirements.txt changed since the last install: a start with nothing to
# install takes seconds instead of pip checking every package.
stamp=.venv/.requirements-installed
wanted="$(sha256sum requirements.txt | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  echo "    up to date"
else
  echo "    installing (the first time downloads a few hundred MB and takes a few minutes)"
  .venv/bin/python -m pip install --disable-pip-version-check --progress-bar on -r requirements.txt
  echo "$wanted" >"$stamp"
fi

step 3 "Debian's chromium (renders the chart downloads and the briefing's figures)"
if [ -x /usr/bin/chromium ]; then
  echo "    installed"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "    installing with apt-get"
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core; }; then
    echo "    apt-get failed: the dashboard starts, but PNG/SVG/PDF downloads and the briefing need chromium." >&2
  fi
else
  echo "    MISSING: the dashboard starts, but PNG/SVG/PDF downloads and the briefing need it." >&2
  echo "    Install it with:  sudo apt-get install chromium fonts-dejavu-core" >&2
fi

# The address and port Streamlit will use: .streamlit/config.toml's, unless given as arguments.
address=127.0.0.1
port=8501
previous=""
for argument in "$@"; do
  case "$previous:$argument" in
    --server.port:*) port="$argument" ;;
    --server.address:*) address="$argument" ;;
  esac
  case "$argument" in
    --server.port=*) port="${argument#*=}" ;;
    --server.address=*) address="${argument#*=}" ;;
  esac
  previous="$argument"
done
step 4 "Starting the dashboard on http://$address:$port"
if [ ! -e "${MELDINGEN_DB:-var/meldingen.duckdb}" ]; then
  echo "    first start: the page loads the demo data (data/demo/) before it shows, about a minute"
fi
echo "    stop it with Ctrl+C"
exec .venv/bin/python -m streamlit run dashboard.py "$@"
