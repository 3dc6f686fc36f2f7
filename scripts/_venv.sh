# Shared by scripts/serve and scripts/test: a .venv installed from a hashed lock file.
# Usage: ensure_venv requirements/docs.txt
ensure_venv() {
  local lock="$1" python="${PYTHON:-python3}"
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "error: Python 3.11 or newer is needed (found: $("$python" --version 2>&1))." >&2
    echo "       Install it, or point PYTHON at it: PYTHON=python3.12 $0" >&2
    exit 1
  fi
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  # The stamp skips pip when this lock file was installed before (fast restarts, offline too).
  local stamp=".venv/.installed-$(basename "$lock" .txt)-$(sha256sum "$lock" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check \
      --require-hashes --no-deps -r "$lock"
    rm -f .venv/.installed-* && touch "$stamp"
  fi
}
