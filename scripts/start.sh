#!/usr/bin/env bash
# The main job: install what is missing, build the index, both browser
# packages and their store zips, then show the extension at work on a bundled
# sample news page (a window with a display, a screenshot without one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent index
npx wxt zip
npx wxt zip -b firefox --mv3
npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --output text
echo
ls -1 .output/*.zip | sed 's/^/  package: /'
npx tsx scripts/demo.ts
