#!/bin/bash
# Interleaved rounds of the dashboard load measurement: each round measures training alone (none), with the dashboard
# and no viewer (idle) and with CLIENTS viewers (follow), one configuration per process, then prints the medians.
#   tests/RlGym.Benchmarks/Serve/serve-load.sh [rounds=3] [clients=50] [seconds=60] > results.txt
# MEASURE is put before each measurement, e.g. MEASURE="flock /tmp/measure.lock" to keep measurements apart.
# Build first: dotnet build -c Release src/RlGym.Cli; dotnet build -c Release tests/RlGym.Benchmarks
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-3}; clients=${2:-50}; seconds=${3:-60}
bench=tests/RlGym.Benchmarks/bin/Release/net10.0/RlGym.Benchmarks.dll
rlgym=src/RlGym.Cli/bin/Release/net10.0/rlgym.dll
out=$(mktemp)
for round in $(seq "$rounds"); do
  for mode in none idle follow; do
    ${MEASURE:-} dotnet "$bench" serve-load "$rlgym" "$mode" "$clients" "$seconds" | tee -a "$out"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A all med
for mode in none idle follow; do
  all[$mode]=$(grep "mode=$mode " "$out" | sed 's/.*steps_per_s=\([0-9]*\).*/\1/' | tr '\n' ' ')
  med[$mode]=$(echo "${all[$mode]}" | median)
done
echo "median steps/s: none ${med[none]} (${all[none]}), idle ${med[idle]} (${all[idle]}), follow ${med[follow]} (${all[follow]})"
awk -v n="${med[none]}" -v i="${med[idle]}" -v f="${med[follow]}" \
  'BEGIN { printf "follow vs idle %+.1f%%, follow vs none %+.1f%%, idle vs none %+.1f%%\n", (f / i - 1) * 100, (f / n - 1) * 100, (i / n - 1) * 100 }'
rm -f "$out"
