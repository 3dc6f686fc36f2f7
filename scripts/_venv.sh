# Shared by the scripts: their prerequisites, checked before anything is installed, and a
# .venv installed from a hashed lock file.
#   need_command git git git; need_python; need_apt_get chromium; stop_if_missing
#   ensure_venv requirements/docs.txt

# Each missing prerequisite with how to install it; stop_if_missing reports them all at once,
# so a contributor never meets a bare "command not found" halfway through an installation.
missing_prerequisites=()

# need_command COMMAND DESCRIPTION DEBIAN_PACKAGES
need_command() {
  command -v "$1" >/dev/null ||
    missing_prerequisites+=("$2: '$1' not found (on Debian/Ubuntu: apt-get install $3)")
}

need_python() {
  local python="${PYTHON:-python3}"
  if ! command -v "$python" >/dev/null; then
    missing_prerequisites+=("Python 3.11 or newer: '$python' not found (on Debian/Ubuntu: apt-get install python3 python3-venv; another Python: PYTHON=/path/to/python3.12 $0)")
  elif ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    missing_prerequisites+=("Python 3.11 or newer: found $("$python" --version 2>&1) (install a newer one and point PYTHON at it: PYTHON=python3.12 $0)")
  elif [ ! -x .venv/bin/python ] && ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    missing_prerequisites+=("Python's venv module (on Debian/Ubuntu: apt-get install python3-venv)")
  fi
}

# need_apt_get PACKAGE...: apt-get, and root or sudo to run it.
need_apt_get() {
  if ! command -v apt-get >/dev/null; then
    missing_prerequisites+=("$*: not installed, and there is no apt-get here to install them (install them with your system's package manager)")
  elif [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    missing_prerequisites+=("root or sudo, to install $* with apt-get (run $0 as root, or first, as root: apt-get install $*)")
  fi
}

stop_if_missing() {
  [ ${#missing_prerequisites[@]} -eq 0 ] && return
  echo "error: $0 needs what is missing here:" >&2
  printf '  - %s\n' "${missing_prerequisites[@]}" >&2
  echo "hint: install the above, then run $0 again" >&2
  exit 1
}

# apt_install PACKAGE... (after need_apt_get and stop_if_missing)
apt_install() {
  echo "Installing $* from Debian's packages..." >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_venv() {
  local lock="$1" python="${PYTHON:-python3}"
  need_python
  stop_if_missing
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  # The stamp skips pip when this lock file was installed before (fast restarts, offline too).
  local stamp=".venv/.installed-$(basename "$lock" .txt)-$(sha256sum "$lock" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check \
      --require-hashes --no-deps -r "$lock"
    rm -f .venv/.installed-* && touch "$stamp"
  fi
  # The project's own package (orkest/: the plugin, extensions and checks), linked in place so
  # an edit to it takes effect at once; built offline with the venv's own setuptools.
  local package=".venv/.package-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$package" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check \
      --require-hashes --no-deps -r requirements/build.txt
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
      --no-build-isolation --no-index --editable .
    rm -f .venv/.package-* && touch "$package"
  fi
}
