#!/usr/bin/env bash
# Sourced by tests/run.sh: the browser of the web chat's (and dashboard's) browser tests. On a fresh Debian machine (as
# root) installs Chromium, and an emoji font for the screenshots, from Debian's packages when /usr/bin/chromium is
# missing. Microsoft.Playwright drives it (no Playwright browser download). Exports
#   CHROMIUM_PATH  the Chromium executable
# On failure it says why and exports nothing: the browser tests then fail under CI=true (and skip on a dev machine).

guidelinebot_chromium_start() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "chromium-start: installing Chromium from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || { echo "chromium-start: apt-get update failed"; return 1; }
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-color-emoji >/dev/null \
      || { echo "chromium-start: apt-get install chromium failed"; return 1; }
  fi

  if [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
    # Only for good-looking screenshots (👍/👎): not fatal.
    apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji >/dev/null 2>&1 || echo "chromium-start: no emoji font (screenshots only)"
  fi

  [ -x /usr/bin/chromium ] || { echo "chromium-start: /usr/bin/chromium is missing after install"; return 1; }
  export CHROMIUM_PATH=/usr/bin/chromium
  echo "chromium-start: $(/usr/bin/chromium --version 2>/dev/null | head -n 1) ready"
}

guidelinebot_chromium_start || echo "chromium-start: the browser tests will fail under CI=true"
unset -f guidelinebot_chromium_start
