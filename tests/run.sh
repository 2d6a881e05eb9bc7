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

log=$(mktemp)
status=0
# pipefail: a failing dotnet test makes the pipeline fail.
dotnet test GuidelineBot.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for every test project together.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
exit $status
