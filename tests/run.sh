#!/usr/bin/env bash
# The one test command (README and .ci/run both call it): installs and starts what the tests need, runs every test
# project, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

cleanup() {
  for f in "$ROOT"/tests/scripts/*-stop.sh; do [ -f "$f" ] && bash "$f" || true; done
}
trap cleanup EXIT

# Services and tools the tests need (PostgreSQL, Chromium, the Agents Playground): each has a start script.
for f in "$ROOT"/tests/scripts/*-start.sh; do
  [ -f "$f" ] || continue
  # shellcheck disable=SC1090
  source "$f"
done

dotnet test GuidelineBot.sln -c Release --nologo "$@"
