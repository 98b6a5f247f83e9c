#!/usr/bin/env bash
# Prints the web app's initial JavaScript, gzipped: the entry script of index.html plus the chunks
# it imports statically (modulepreload), i.e. what a first visit downloads before the app runs.
# Usage: bench/web/js-size.sh [build dir]   (default target/frontend; run `npm run build` in frontend/ first)
set -euo pipefail
dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/frontend}"
[ -f "$dir/index.html" ] || { echo "no build at $dir: cd frontend && npm run build" >&2; exit 1; }
files=$(grep -oE '(src|href)="/assets/[^"]+\.js"' "$dir/index.html" | sed -E 's/.*"\/(assets\/[^"]+)"/\1/' | sort -u)
total=0
for f in $files; do
  raw=$(stat -c %s "$dir/$f")
  gz=$(gzip -9 -c "$dir/$f" | wc -c)
  total=$((total + gz))
  printf '%-40s %8d bytes  %8d gzipped\n' "$f" "$raw" "$gz"
done
css=$(grep -oE 'href="/assets/[^"]+\.css"' "$dir/index.html" | sed -E 's/.*"\/(assets\/[^"]+)"/\1/' | head -1)
[ -n "$css" ] && printf '%-40s %8s        %8d gzipped (CSS, not counted)\n' "$css" "" "$(gzip -9 -c "$dir/$css" | wc -c)"
printf 'initial JS gzipped: %d bytes (%.1f KB; budget 200 KB)\n' "$total" "$(echo "$total / 1024" | bc -l)"
