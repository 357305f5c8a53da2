#!/usr/bin/env bash
# Writes a decision log of N ADRs as adr-tools lays one out, for timing `tradeoffs log`,
# `tradeoffs log index` and `tradeoffs lint` against `adrs list` / `adrs generate toc`:
#
#   tools/gen-adr-log.sh 1000 /tmp/log-1000
#   cd /tmp/log-1000 && hyperfine -N --warmup 3 'tradeoffs log' 'adrs list' ...
#
# REPO/.adr-dir names doc/adr; every tenth ADR is superseded by the next one (links both
# ways, adr-tools' "Superceded" spelling), the rest are accepted or proposed. Deterministic.
set -euo pipefail
n=${1:?usage: gen-adr-log.sh N DIR}
repo=${2:?usage: gen-adr-log.sh N DIR}
dir="$repo/doc/adr"
mkdir -p "$dir"
printf 'doc/adr\n' > "$repo/.adr-dir"
for ((i = 1; i <= n; i++)); do
  title="Decision number $i about service $((i % 37))"
  slug="decision-number-$i-about-service-$((i % 37))"
  file=$(printf '%04d-%s.md' "$i" "$slug")
  next=$((i + 1))
  prev=$((i - 1))
  if ((i % 10 == 0 && i < n)); then
    status="Superceded by [$next. Decision number $next about service $((next % 37))]($(printf '%04d' "$next")-decision-number-$next-about-service-$((next % 37)).md)"
  elif ((i % 3 == 0)); then
    status="Proposed"
  else
    status="Accepted"
  fi
  links=""
  if ((i % 10 == 1 && i > 1)); then
    links=$'\n\n'"Supercedes [$prev. Decision number $prev about service $((prev % 37))]($(printf '%04d' "$prev")-decision-number-$prev-about-service-$((prev % 37)).md)"
  fi
  cat > "$dir/$file" <<ADR
# $i. $title

Date: 2026-01-$(printf '%02d' $((i % 28 + 1)))

## Status

$status$links

## Context

Service $((i % 37)) needs a decision about how it stores and moves its data. The team weighed
consistency, cost and operational load; this record keeps the reasons.

## Decision

We take option $((i % 4 + 1)) for service $((i % 37)).

## Consequences

Operations learn one more tool; the latency budget of the checkout path is kept.
ADR
done
echo "wrote $n ADRs to $dir"
