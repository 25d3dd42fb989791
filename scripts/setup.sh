#!/usr/bin/env bash
# Prepares a working copy: the system libraries Qt needs (when missing), a virtualenv in .venv and
# FrontDesk installed into it. Safe to run again; only missing pieces are added.
#   scripts/setup.sh          what the program needs, nothing more (no test tools on a clinic's computer)
#   scripts/setup.sh --test   also what the test suite needs: the "test" extra (pytest, ruff, mypy…),
#                             PostgreSQL server binaries and poppler (PDFs read back)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
          libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-randr0
          libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb1 xvfb xauth)
if (( want_test )); then
    packages+=(postgresql poppler-utils)
fi

if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if (( ${#missing[@]} )); then
        echo "Installing system packages: ${missing[*]}"
        sudo_cmd=()
        if (( EUID != 0 )); then
            if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
                echo "Please install as root: apt-get install ${missing[*]}" >&2; exit 1
            fi
        fi
        export DEBIAN_FRONTEND=noninteractive
        # shellcheck source=scripts/apt_waiting.sh
        source scripts/apt_waiting.sh
        apt_waiting "${sudo_cmd[@]}" apt-get update -qq
        apt_waiting "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
else
    echo "Not a Debian-family system: make sure Qt's xcb libraries and poppler-utils are installed." >&2
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "FrontDesk needs Python 3.11 or newer ($python is $("$python" --version 2>&1))." >&2
    exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
    "$python" -m venv .venv
fi
target=.
stamp=.venv/.frontdesk-installed
if (( want_test )); then
    target=".[test]"
    stamp=.venv/.frontdesk-installed-test
fi
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet --editable "$target"
    touch "$stamp"
fi
