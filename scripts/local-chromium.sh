#!/usr/bin/env bash
# Makes headless Chromium ready for the browser tests (system-tests, package ...systemtests.browser), idempotently:
# installs Debian's chromium and chromium-driver where missing and prints their versions.
# Used by .ci/run and by the browser tests themselves (ChromiumInstall), so both agree on what is driven:
# /usr/bin/chromium through /usr/bin/chromedriver, never a browser or driver downloaded at test time.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "[chromium] installing Debian's chromium and chromium-driver"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-dejavu-core >/dev/null
fi
echo "[chromium] $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
