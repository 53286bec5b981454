#!/usr/bin/env bash
# Cluster benchmark (docs/benchmarks.md "Cluster"): the same Monte Carlo (bench.yaml) in one process
# with 1 and 2 lanes, then as a coordinator (which only coordinates) plus 1 and 2 worker processes
# of one slot each, all on 127.0.0.1. Prints one table row per case; every case's replications.csv
# must equal the in-process one (cmp), or the script fails.
#   usage: bench/cluster/run.sh [replications]    (build first: dotnet build src/MarketSim.Cli -c Release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tool=(dotnet "$root/src/MarketSim.Cli/bin/Release/net10.0/marketsim.dll")
replications="${1:-200}"
scenario="$here/bench.yaml"
sha="$(sha256sum "$scenario" | cut -d' ' -f1)"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
"${tool[@]}" cluster-cert "$work/credentials" > /dev/null

# seconds of the "simulate" stage from a manifest (the coordinator: from its start to the last result)
simulate() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["timingsSeconds"]["simulate"])' "$1/manifest.json"; }
row() { # case, lanes, wall, simulate, reference simulate[, timestamped coordinator log]
  python3 -c '
import re, sys
name, lanes, wall, sim, ref, reps = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
steady = ""
if len(sys.argv) > 7:
    # "<epoch seconds>   k / n replications": from the first progress line (10%) to the last, the
    # throughput once the workers are up, without the processes starting and joining
    marks = [(float(m.group(1)), int(m.group(2))) for m in re.finditer(r"^(\S+)\s+(\d+) / \d+ replications", open(sys.argv[7]).read(), re.M)]
    (t0, k0), (t1, k1) = marks[0], marks[-1]
    rate = (k1 - k0) / (t1 - t0)
    steady = f" {rate:.1f} | {rate / (lanes * reps / ref):.2f} |"
else:
    steady = f" {reps / sim:.1f} | {ref / (lanes * sim):.2f} |"
print(f"| {name} | {lanes} | {wall:.1f} | {sim:.1f} | {reps / sim:.1f} | {ref / (lanes * sim):.2f} |{steady}")' "$@"
}
stamp() { while IFS= read -r line; do echo "$(date +%s.%N) $line"; done; }

echo "| case | cores used | wall s | simulate s | replications/s | parallel efficiency | steady replications/s | steady efficiency |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
start=$(date +%s.%N)
"${tool[@]}" run "$scenario" --replications "$replications" --workers 1 --out "$work/in-process-1" > /dev/null 2>&1
wall=$(echo "$(date +%s.%N) - $start" | bc)
reference=$(simulate "$work/in-process-1")
row "in-process, 1 lane" 1 "$wall" "$reference" "$reference" "$replications"

start=$(date +%s.%N)
"${tool[@]}" run "$scenario" --replications "$replications" --workers 2 --out "$work/in-process-2" > /dev/null 2>&1
wall=$(echo "$(date +%s.%N) - $start" | bc)
cmp "$work/in-process-1/replications.csv" "$work/in-process-2/replications.csv"
row "in-process, 2 lanes" 2 "$wall" "$(simulate "$work/in-process-2")" "$reference" "$replications"

for workers in 1 2; do
  port=$((4900 + workers))
  out="$work/cluster-$workers"
  start=$(date +%s.%N)
  ( "${tool[@]}" run "$scenario" --replications "$replications" --cluster --port "$port" --cluster-cert "$work/credentials" --out "$out" \
    2>&1 | stamp > "$work/coordinator-$workers.log" ) &
  coordinator=$!
  pids+=("$coordinator")
  for ((w = 0; w < workers; w++)); do
    "${tool[@]}" worker --join "akka.ssl.tcp://marketsim@127.0.0.1:$port" --cluster-cert "$work/credentials" \
      --scenario-sha256 "$sha" --workers 1 > "$work/worker-$workers-$w.log" 2>&1 &
    pids+=("$!")
  done
  wait "$coordinator"
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  cmp "$work/in-process-1/replications.csv" "$out/replications.csv"
  row "coordinator + $workers worker process(es), 1 slot each" "$workers" "$wall" "$(simulate "$out")" "$reference" "$replications" \
    "$work/coordinator-$workers.log"
done
