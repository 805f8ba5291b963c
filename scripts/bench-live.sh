#!/usr/bin/env bash
# Live API benchmark, loopback only and bounded: scrape latency of /metrics (median, p99) while a run
# goes on with 50 SSE clients reading its events and one scrape a second, and the run's slowdown
# against the same run with no clients at all. Results go to stdout and out/bench-live.txt.
#
#   scripts/bench-live.sh [SCENARIO] [REPEATS] [CLIENTS]     defaults: china-provinces-quarter 3 50
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=${1:-china-provinces-quarter}
repeats=${2:-3}
clients=${3:-50}
silo_port=${SILO_PORT:-21111}
gateway_port=${GATEWAY_PORT:-31000}
api_port=${API_PORT:-5099}
api="http://127.0.0.1:$api_port"
key="bench-$RANDOM$RANDOM"
work=$(mktemp -d)
pids=()
readers=()
cleanup() {
  for pid in "${pids[@]}" "${readers[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Silo -c Release -nologo -v quiet >/dev/null
dotnet build src/Api -c Release -nologo -v quiet >/dev/null

dotnet src/Silo/bin/Release/net10.0/gridactors.dll serve --silo-port "$silo_port" --gateway-port "$gateway_port" --cluster-id bench-live >"$work/silo.log" 2>&1 &
pids+=($!)
GRIDACTORS_API_KEY=$key Orleans__GatewayPort=$gateway_port Orleans__ClusterId=bench-live Api__ResultsDirectory="$work/results" \
  Api__MaxConcurrentRuns=1 Logging__LogLevel__Default=Warning \
  dotnet src/Api/bin/Release/net10.0/GridActors.Api.dll --urls "$api" >"$work/api.log" 2>&1 &
api_pid=$!
pids+=($api_pid)
for _ in $(seq 120); do curl -sf "$api/health" >/dev/null && break; sleep 0.5; done

# Starts a run as fast as possible; prints its id.
start_run() {
  curl -sf -X POST "$api/api/runs" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"scenario\":\"$scenario\"}" | sed -E 's/.*"id":"([^"]+)".*/\1/'
}
status_of() { curl -sf "$api/api/runs/$1" | sed -E 's/.*"status":"([a-z]+)".*/\1/'; }
# Wall seconds from start to finish of a completed run, from its own timestamps.
seconds_of() {
  local run started finished
  run=$(curl -sf "$api/api/runs/$1")
  started=$(sed -E 's/.*"started_at":"([^"]+)".*/\1/' <<<"$run")
  finished=$(sed -E 's/.*"finished_at":"([^"]+)".*/\1/' <<<"$run")
  echo "$(date -d "$finished" +%s.%N) - $(date -d "$started" +%s.%N)" | bc
}
wait_end() { while [ "$(status_of "$1")" != "completed" ]; do sleep 0.2; done; }
quantile() { sort -n | awk -v q="$1" '{ v[NR] = $1 } END { i = int(q * NR + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Warm-up: JIT, grain types, solver libraries.
id=$(start_run); wait_end "$id"

: >"$work/alone"; : >"$work/loaded"; : >"$work/scrapes"; : >"$work/scrapes-quiet"
for r in $(seq "$repeats"); do
  id=$(start_run); wait_end "$id"; seconds_of "$id" >>"$work/alone"

  # Scrapes only, no SSE clients: the scrape's own cost.
  id=$(start_run)
  while [ "$(status_of "$id")" = "running" ] || [ "$(status_of "$id")" = "starting" ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "$api/metrics" >>"$work/scrapes-quiet"; sleep 1
  done
  wait_end "$id"

  id=$(start_run)
  readers=()
  for c in $(seq "$clients"); do
    curl -sN "$api/api/runs/$id/events" >"$work/sse-$r-$c" 2>/dev/null &
    readers+=($!)
  done
  while [ "$(status_of "$id")" = "running" ] || [ "$(status_of "$id")" = "starting" ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "$api/metrics" >>"$work/scrapes"; sleep 1
  done
  wait_end "$id"; seconds_of "$id" >>"$work/loaded"
  wait "${readers[@]}"
  complete=$(grep -l '^event: end' "$work"/sse-"$r"-* | wc -l)
  [ "$complete" -eq "$clients" ] || { echo "only $complete of $clients SSE clients received the whole stream" >&2; exit 1; }
done

events=$(grep -c '^event: window' "$work/sse-1-1")
bytes=$(stat -c %s "$work/sse-1-1")
rss=$(ps -o rss= -p "$api_pid")
alone=$(median <"$work/alone"); loaded=$(median <"$work/loaded")
mkdir -p out
{
  echo "scenario $scenario, $repeats repeats, $clients SSE clients, one /metrics scrape a second ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "run wall time, no clients:            median $alone s ($(paste -sd' ' "$work/alone"))"
  echo "run wall time, $clients SSE + scrapes:      median $loaded s ($(paste -sd' ' "$work/loaded"))"
  echo "slowdown:                             $(echo "scale=1; ($loaded - $alone) * 100 / $alone" | bc) %"
  echo "/metrics latency, scrapes only:       median $(quantile 0.5 <"$work/scrapes-quiet") ms, p99 $(quantile 0.99 <"$work/scrapes-quiet") ms over $(wc -l <"$work/scrapes-quiet") scrapes"
  echo "/metrics latency, with $clients SSE:       median $(quantile 0.5 <"$work/scrapes") ms, p99 $(quantile 0.99 <"$work/scrapes") ms over $(wc -l <"$work/scrapes") scrapes"
  echo "stream per client: $events window events, $((bytes / 1024)) KiB; every client received the whole stream"
  echo "API resident memory at the end: $((rss / 1024)) MiB"
} | tee out/bench-live.txt
