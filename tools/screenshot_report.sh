#!/usr/bin/env bash
# Render the demo programme's final report as HTML and photograph it in a real
# headless browser, to check that the page reads well on screen and in print.
#
#   bash tools/screenshot_report.sh [LANG] [OUT_DIR]     (LANG: fi, sv or en; default fi)
#
# Needs Chromium (Debian: apt-get install chromium). Writes OUT_DIR/final-LANG.html,
# OUT_DIR/final-LANG.png (a tall screenshot) and OUT_DIR/final-LANG.pdf (print layout).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lang="${1:-fi}"
out="${2:-build/screenshots}"
python="${PYTHON:-python3}"
[ -x .venv/bin/python ] && python=.venv/bin/python
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
    echo "no Chromium found: install it (apt-get install chromium) and run again" >&2
    exit 2
fi
mkdir -p "$out"
html="$(cd "$out" && pwd)/final-$lang.html"
data="$(mktemp --suffix=.json)"
"$python" -m hankemalli demo --export "$data" --force >/dev/null
"$python" -m hankemalli report "$data" --final --as-of 2019-07-31 --lang "$lang" --format html -o "$html"
rm -f "$data"
profile="$(mktemp -d)"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars "--user-data-dir=$profile")
"$browser" "${flags[@]}" --window-size=1100,5200 "--screenshot=$out/final-$lang.png" "file://$html" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer "--print-to-pdf=$out/final-$lang.pdf" "file://$html" 2>/dev/null
rm -rf "$profile"
echo "wrote $html, $out/final-$lang.png and $out/final-$lang.pdf"
