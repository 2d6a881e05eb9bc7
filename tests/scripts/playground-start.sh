#!/usr/bin/env bash
# Sourced by tests/run.sh: the tools of the Teams end-to-end tests. On a fresh Debian machine (as root) installs
# Chromium (and an emoji font for the screenshots) from Debian's packages when /usr/bin/chromium is missing, and the
# pinned Microsoft 365 Agents Playground from npm into tests/.tools (git-ignored). Exports
#   AGENTS_PLAYGROUND_CLI  the Playground's cli.js (run with node)
#   CHROMIUM_PATH          the Chromium executable Microsoft.Playwright launches (no Playwright browser download)
# On failure it says why and exports nothing: the end-to-end tests then fail under CI=true (and skip on a dev machine).

GUIDELINEBOT_PLAYGROUND_VERSION=0.2.28

guidelinebot_playground_start() {
  local root tools cli
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  tools="$root/tests/.tools"
  cli="$tools/node_modules/@microsoft/m365agentsplayground/cli.js"

  if [ ! -x /usr/bin/chromium ]; then
    echo "playground-start: installing Chromium from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || { echo "playground-start: apt-get update failed"; return 1; }
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-color-emoji >/dev/null \
      || { echo "playground-start: apt-get install chromium failed"; return 1; }
  fi

  if [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
    # Only for good-looking screenshots (👍/👎): not fatal.
    apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji >/dev/null 2>&1 || echo "playground-start: no emoji font (screenshots only)"
  fi

  command -v node >/dev/null && command -v npm >/dev/null || { echo "playground-start: node and npm are needed"; return 1; }
  if [ ! -f "$cli" ] || ! grep -q "\"version\": \"$GUIDELINEBOT_PLAYGROUND_VERSION\"" "$tools/node_modules/@microsoft/m365agentsplayground/package.json" 2>/dev/null; then
    echo "playground-start: installing @microsoft/m365agentsplayground@$GUIDELINEBOT_PLAYGROUND_VERSION into tests/.tools..."
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || printf '{ "name": "guidelinebot-test-tools", "private": true }\n' > "$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --loglevel=error --save-exact \
        "@microsoft/m365agentsplayground@$GUIDELINEBOT_PLAYGROUND_VERSION" >/dev/null) \
      || { echo "playground-start: npm install failed"; return 1; }
  fi
  [ -f "$cli" ] || { echo "playground-start: $cli is missing after install"; return 1; }

  export AGENTS_PLAYGROUND_CLI="$cli"
  export CHROMIUM_PATH=/usr/bin/chromium
  echo "playground-start: Agents Playground $GUIDELINEBOT_PLAYGROUND_VERSION and $(/usr/bin/chromium --version 2>/dev/null | head -n 1) ready"
}

guidelinebot_playground_start || echo "playground-start: the Teams end-to-end tests will fail under CI=true"
