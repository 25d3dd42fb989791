#!/usr/bin/env bash
# Builds the installable program: dist/FrontDesk, one folder holding FrontDesk (the window) and
# frontdesk-cli (the same program with a console, for the commands), with its resources, migrations,
# fonts, compiled translations and icon, made by PyInstaller from installer/frontdesk.spec. Prints the
# build time, the bundle's size and its ten largest parts.
#   scripts/build.sh          then: dist/FrontDesk/FrontDesk --demo
#   sudo installer/install-linux.sh     installs it for every account of this computer (menu entry, icon)
# Windows: the same spec from the project's virtualenv on a Windows machine (PyInstaller does not
# cross-build): `pyinstaller installer\frontdesk.spec`, then `iscc installer\frontdesk.iss` makes the
# installer (it reads the version from pyproject.toml; /DAppVersion=X overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
python=.venv/bin/python
if ! command -v objdump >/dev/null || ! command -v strip >/dev/null; then
    echo "build: PyInstaller reads and strips the libraries with binutils: apt-get install binutils" >&2
    exit 1
fi
# The build tools (pyproject.toml's "build" extra) go into .venv beside the program: an end user's
# set-up never installs them.
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    mapfile -t build_tools < <("$python" -c 'import tomllib
print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"], sep="\n")')
    echo "Installing the build tools: ${build_tools[*]}"
    "$python" -m pip install --quiet "${build_tools[@]}"
fi

# The bundle carries the committed .qm; a .qm older than its .ts would ship last release's French.
"$python" - <<'EOF'
import sys
sys.path.insert(0, "scripts")
from translations import compiled_problems
problems = compiled_problems()
for problem in problems:
    print(f"build: {problem}: scripts/translations.py release, then commit the .qm", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
echo "Building FrontDesk $version (dist/FrontDesk)…"
started=$SECONDS
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/frontdesk.spec
echo "Built in $((SECONDS - started)) s."
"$python" scripts/check_bundle.py --size-only dist/FrontDesk
