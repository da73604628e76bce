#!/usr/bin/env bash
# Make sure Debian's Chromium and ChromeDriver are installed (never a downloaded browser).
set -euo pipefail
if command -v chromium >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >&2
fi
command -v chromium >/dev/null
