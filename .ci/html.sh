#!/usr/bin/env bash
# CI: the HTML export in a real browser. Installs Debian's chromium where it is missing, then
# runs the browser test, which fails (instead of skipping) when it finds no chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
    $sudo apt-get clean # the downloaded packages: ~100 MB the disk may not have
fi
chromium --version
INDOTAG_REQUIRE_CHROMIUM=1 cargo test --test html_browser
