#!/usr/bin/env bash
# Sourced by tests/run.sh: the tools of the Teams end-to-end tests. Chromium through chromium-start.sh (Debian's
# package, installed when missing), and the pinned Microsoft 365 Agents Playground from npm into tests/.tools
# (git-ignored). Exports
#   AGENTS_PLAYGROUND_CLI  the Playground's cli.js (run with node)
#   CHROMIUM_PATH          the Chromium executable Microsoft.Playwright launches (no Playwright browser download)
# On failure it says why and exports nothing: the end-to-end tests then fail under CI=true (and skip on a dev machine).

GUIDELINEBOT_PLAYGROUND_VERSION=0.2.28

guidelinebot_playground_start() {
  local root tools cli
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  tools="$root/tests/.tools"
  cli="$tools/node_modules/@microsoft/m365agentsplayground/cli.js"

  # Chromium (and its emoji font) come from chromium-start.sh (run before this one by tests/run.sh).
  [ -n "${CHROMIUM_PATH:-}" ] || source "$root/tests/scripts/chromium-start.sh"
  [ -n "${CHROMIUM_PATH:-}" ] || { echo "playground-start: Chromium is missing"; return 1; }

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
  echo "playground-start: Agents Playground $GUIDELINEBOT_PLAYGROUND_VERSION and $("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1) ready"
}

guidelinebot_playground_start || echo "playground-start: the Teams end-to-end tests will fail under CI=true"
