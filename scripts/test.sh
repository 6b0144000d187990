#!/usr/bin/env bash
# Every test: type check, index build, both browser builds, Mozilla's linter,
# unit tests, then end-to-end tests in real Chromium and Firefox. Ends with the
# plain line `N passed, N failed` that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

results=.output/test-results
rm -rf "$results" && mkdir -p "$results"
status=0
step() {
  echo "› $*"
  "$@" || status=1
}

step npx tsc --noEmit -p .
step npm run --silent build
step npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --output text --warnings-as-errors=false
step npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"
step npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$results/e2e.json"

node scripts/summarize-tests.mjs "$results/unit.json" "$results/e2e.json" || status=1
exit $status
