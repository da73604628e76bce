#!/usr/bin/env bash
# Make sure the Debian libraries WeasyPrint lays PDFs out with (Pango, HarfBuzz's subsetter) and a
# fallback font are installed; the PDFs embed their own Noto Sans (make assets).
set -euo pipefail
PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
installed() { dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null | grep -c "install ok installed" | grep -qx "$#"; }
# shellcheck disable=SC2086
if ! command -v dpkg-query >/dev/null || installed $PACKAGES; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  # shellcheck disable=SC2086
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES) >&2
else
  echo "WeasyPrint needs: sudo apt-get install $PACKAGES" >&2
  exit 1
fi
