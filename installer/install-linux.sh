#!/usr/bin/env bash
# Installs the built program (dist/FrontDesk, from scripts/build.sh) for every account of this Linux
# computer: the program in /opt/FrontDesk, `frontdesk` (the command line) in /usr/local/bin, the menu
# entry (installer/frontdesk.desktop) and its icon in the hicolor theme. Run as root; run it again after
# a new build to upgrade. Each person's data (~/.local/share/FrontDesk) is never touched.
#   sudo installer/install-linux.sh [BUNDLE]
# DESTDIR=folder installs under that folder instead of / (packaging, tests).
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=${1:-dist/FrontDesk}
root=${DESTDIR:-}
program_dir=/opt/FrontDesk  # the desktop entry's Exec names it
prefix=/usr/local

if [[ ! -x $bundle/FrontDesk || ! -x $bundle/frontdesk-cli ]]; then
    echo "No FrontDesk bundle in $bundle: build it first with scripts/build.sh." >&2
    exit 1
fi
icons=$bundle/_internal/resources/icons

# The new copy is put in place whole, so a failed copy leaves the installed version working.
install -d "$root/opt"
rm -rf "$root$program_dir.new"
cp -a "$bundle" "$root$program_dir.new"
rm -rf "$root$program_dir"
mv "$root$program_dir.new" "$root$program_dir"

install -d "$root$prefix/bin"
ln -sfn "$program_dir/frontdesk-cli" "$root$prefix/bin/frontdesk"
for png in "$icons"/frontdesk-*.png; do
    size=${png##*/frontdesk-}
    size=${size%.png}
    install -D -m 644 "$png" "$root$prefix/share/icons/hicolor/${size}x${size}/apps/frontdesk.png"
done
install -D -m 644 installer/frontdesk.desktop "$root$prefix/share/applications/frontdesk.desktop"

if [[ -z $root ]]; then  # the menus and the icon theme's cache learn of them now rather than at next login
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
fi
echo "FrontDesk installed in $root$program_dir (menu entry and icon; 'frontdesk' on the PATH)."
