#!/usr/bin/env bash
# Sets everything up, then opens FrontDesk on the embedded default database (a SQLite file in the
# user-data folder). Arguments go to the program: scripts/run.sh --demo, scripts/run.sh --help ...
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/frontdesk "$@"
