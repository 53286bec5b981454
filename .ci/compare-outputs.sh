#!/usr/bin/env bash
# Byte-compares what the built CLI writes for every shipped scenario (run or stress, solve --json) and
# `figure all` with a reference folder made the same way by an earlier build (e.g. main's):
#   .ci/compare-outputs.sh <reference-dir> [--only solve]
# manifest.json and report.html hold timings and are skipped. Exit 0 iff every other file is identical.
# Needs `dotnet build src/MarketSim.Cli -c Release` first; takes several minutes on two cores (stress, figures).
set -uo pipefail
cd "$(dirname "$0")/.."
reference=${1:?usage: .ci/compare-outputs.sh <reference-dir> [--only solve]}; only=${3:-${2:-}}
cli=src/MarketSim.Cli/bin/Release/net10.0/marketsim.dll
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for scenario in scenarios/*.yaml; do
  name=$(basename "$scenario" .yaml)
  dotnet "$cli" solve "$scenario" --json > "$out/$name.solve.json" || echo "solve $name failed"
  [ "$only" = solve ] && continue
  case $name in
    stress-*) dotnet "$cli" stress "$scenario" --out "$out/$name" > /dev/null || echo "stress $name failed";;
    *) dotnet "$cli" run "$scenario" --out "$out/$name" > /dev/null || echo "run $name failed";;
  esac
done
[ "$only" = solve ] || dotnet "$cli" figure all --out "$out/figures" > /dev/null || echo "figure all failed"
status=0; compared=0
while IFS= read -r -d '' file; do
  relative=${file#"$out"/}
  case $(basename "$relative") in manifest.json|report.html) continue;; esac
  compared=$((compared + 1))
  cmp -s "$file" "$reference/$relative" || { echo "differs: $relative"; status=1; }
done < <(find "$out" -type f -print0)
while IFS= read -r -d '' file; do
  relative=${file#"$reference"/}
  case $(basename "$relative") in manifest.json|report.html) continue;; esac
  [ "$only" = solve ] && [[ $relative != *.solve.json ]] && continue
  [ -e "$out/$relative" ] || { echo "missing: $relative"; status=1; }
done < <(find "$reference" -type f -print0)
echo "$compared files compared with $reference: $([ $status = 0 ] && echo identical || echo DIFFERENT)"
exit $status
