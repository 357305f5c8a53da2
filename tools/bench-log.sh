#!/usr/bin/env bash
# Times the decision-log commands against the adrs tool in the same hyperfine run (issue 13's
# numbers). Needs a release build, hyperfine and adrs (`cargo install adrs --locked`); run it
# on a quiet machine (nothing compiling), for example:
#
#   cargo build --release && tools/bench-log.sh
#
# It writes a 1,000-ADR log with tools/gen-adr-log.sh, lets `tradeoffs log` fill its parse
# cache, then times `log`, `log index` and `lint` against `adrs list` and `adrs generate toc`,
# and `decide --export` against `adrs new --no-edit` in an adrs-initialised directory that is
# reset before every run. Results go to stdout and to bench-log-*.md in $OUT (default: a
# temporary directory).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${TRADEOFFS:-$here/target/release/tradeoffs}
runs=${RUNS:-50}
out=${OUT:-$(mktemp -d)}
for tool in hyperfine adrs; do
  command -v "$tool" >/dev/null || { echo "bench-log: $tool is not installed" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "bench-log: no release build at $bin (cargo build --release)" >&2; exit 2; }

log=$(mktemp -d)
"$here/tools/gen-adr-log.sh" 1000 "$log" >/dev/null
# The parse cache never keeps files changed (mtime or ctime) in the last two seconds.
sleep 3
(cd "$log" && "$bin" log >/dev/null && "$bin" log index >/dev/null)
(cd "$log" && hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$out/bench-log-list.md" \
  "$bin log" 'adrs list' "$bin log index" 'adrs generate toc' "$bin lint")

new=$(mktemp -d)
(cd "$new" && adrs init >/dev/null 2>&1)
reset="find $new/doc/adr -name '0*.md' ! -name '0001-*' -delete"
(cd "$new" && hyperfine -N --warmup 5 --runs "$runs" --prepare "sh -c \"$reset\"" \
  --export-markdown "$out/bench-log-new.md" \
  "$bin decide --tree data-caching --path 1,1,1,1,1,1,1,1,1 --export" \
  "$bin decide --tree data-caching --path 1,1,1,1,1,1,1,1,1 --export --decider Bench" \
  'adrs new --no-edit "Use a cache"' \
  "$bin --version" 'adrs --version')
echo "bench-log: results in $out"
rm -rf "$log" "$new"
