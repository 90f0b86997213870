#!/usr/bin/env bash
# The browser of the playground's test (test/playground/): Debian's chromium, driven by
# playwright-core. Run by `npm test` (pretest) and by .ci/run, so `npm ci && npm test` works on a
# fresh machine. When chromium is missing it is installed with apt-get if we are root; otherwise
# this prints how to get it and still exits 0, so the rest of the suite runs and the playground
# test fails with the same advice (a failure, never a silent skip).
set -euo pipefail

browser="${SLA_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi

advice="the playground test needs Chromium at \`$browser\`: install Debian's chromium (\`sudo apt-get install -y chromium\`), or point SLA_CHROMIUM at a Chromium binary"

if [ -n "${SLA_CHROMIUM:-}" ]; then
  # A browser named by the caller is not ours to install.
  echo "setup-browser: $advice" >&2
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: $advice" >&2
  exit 0
fi

echo "setup-browser: installing Debian's chromium with apt-get" >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
  echo "setup-browser: apt-get could not install chromium; $advice" >&2
fi
exit 0
