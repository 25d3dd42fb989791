#!/usr/bin/env bash
# Runs every check: lint, import rules, and the whole test suite on SQLite files and on a throwaway
# PostgreSQL server that the tests start and stop themselves. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
echo "== ruff"
.venv/bin/ruff check desktop ui tests scripts
echo "== import rules"
.venv/bin/lint-imports
echo "== translations"
.venv/bin/python scripts/translations.py check
echo "== types"
.venv/bin/mypy
echo "== tests"
# Two workers (the machine has two cores); each starts its own throwaway PostgreSQL server.
exec .venv/bin/python -m pytest -p no:cacheprovider -n "${FRONTDESK_TEST_WORKERS:-2}" "$@"
