#!/usr/bin/env bash
# The cost of persistence and distribution, and of losing a silo: wall time of one scenario on the
# embedded silo, on 1 silo with PostgreSQL, on 3 silos with PostgreSQL, and on 3 silos when one of them
# is killed (SIGKILL) partway. A throwaway PostgreSQL is started unless GRIDACTORS_POSTGRES is set.
#
#   scripts/bench-cluster.sh [SCENARIO] [REPEATS] [KILL_AFTER_SECONDS]   defaults: china-provinces-week 3 2
#
# RUN_OPTIONS are added to every run (e.g. RUN_OPTIONS="--clearing regional"); WARM_UP=0 skips the warm-up
# runs (for scenarios that take minutes, where loading solvers and JIT do not count).
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=scenarios/${1:-china-provinces-week}.yaml
repeats=${2:-3}
kill_after=${3:-2}
cli="dotnet src/Silo/bin/Release/net10.0/gridactors.dll"
read -r -a run_options <<<"${RUN_OPTIONS:-}"
warm_up=${WARM_UP:-1}
work=$(mktemp -d)
silos=()
owned_postgres=""
cleanup() {
  for pid in "${silos[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -n "$owned_postgres" ] && scripts/postgres.sh stop "$owned_postgres"
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Silo -c Release -nologo -v quiet >/dev/null
if [ -z "${GRIDACTORS_POSTGRES:-}" ]; then
  eval "$(scripts/postgres.sh start)"
  owned_postgres=$GRIDACTORS_POSTGRES_DIR
fi
$cli db init >/dev/null

wall() { grep -o '"wall_seconds": [0-9.]*' "$1/run.json" | grep -o '[0-9.]*$' | tr -d '\n'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
start_silos() {
  local count=$1 cluster=$2 i
  silos=()
  for i in $(seq "$count"); do
    $cli serve --postgres "$GRIDACTORS_POSTGRES" --cluster-id "$cluster" --silo-port $((21000 + i)) --gateway-port $((31000 + i)) >"$work/$cluster-$i.log" 2>&1 &
    silos+=($!)
  done
  for i in $(seq "$count"); do
    until grep -q "silo serving" "$work/$cluster-$i.log"; do sleep 0.3; done
  done
}
stop_silos() { for pid in "${silos[@]}"; do kill "$pid" 2>/dev/null || true; done; wait "${silos[@]}" 2>/dev/null || true; silos=(); }

# Warm-up: the first run in a fresh machine pays for loading solvers and JIT.
[ "$warm_up" = 0 ] || $cli run "$scenario" "${run_options[@]}" --out "$work/warm" >/dev/null
: >"$work/embedded"
for r in $(seq "$repeats"); do $cli run "$scenario" "${run_options[@]}" --out "$work/embedded-$r" >/dev/null; wall "$work/embedded-$r" >>"$work/embedded"; echo >>"$work/embedded"; done

for count in 1 3; do
  start_silos "$count" "bench-$count"
  [ "$warm_up" = 0 ] || $cli run "$scenario" "${run_options[@]}" --postgres "$GRIDACTORS_POSTGRES" --cluster-id "bench-$count" --out "$work/warm-$count" >/dev/null
  : >"$work/silos-$count"
  for r in $(seq "$repeats"); do
    $cli run "$scenario" "${run_options[@]}" --postgres "$GRIDACTORS_POSTGRES" --cluster-id "bench-$count" --out "$work/silos-$count-$r" >/dev/null
    wall "$work/silos-$count-$r" >>"$work/silos-$count"; echo >>"$work/silos-$count"
  done
  stop_silos
done

: >"$work/killed"
for r in $(seq "$repeats"); do
  start_silos 3 "bench-kill-$r"
  $cli run "$scenario" "${run_options[@]}" --postgres "$GRIDACTORS_POSTGRES" --cluster-id "bench-kill-$r" --out "$work/killed-$r" >/dev/null 2>"$work/killed-$r.err" &
  driver=$!
  sleep "$kill_after"
  kill -9 "${silos[1]}"
  wait "$driver"
  wall "$work/killed-$r" >>"$work/killed"; echo >>"$work/killed"
  cmp -s "$work/embedded-1/regions.csv" "$work/killed-$r/regions.csv" && cmp -s "$work/embedded-1/assets.csv" "$work/killed-$r/assets.csv" \
    && cmp -s "$work/embedded-1/summary.json" "$work/killed-$r/summary.json" || { echo "results after a kill differ" >&2; exit 1; }
  stop_silos
done

embedded=$(median <"$work/embedded"); one=$(median <"$work/silos-1"); three=$(median <"$work/silos-3"); killed=$(median <"$work/killed")
mkdir -p out
{
  echo "$scenario ${RUN_OPTIONS:-}, $repeats repeats, medians of run.json wall_seconds ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "embedded silo, in memory:          $embedded s ($(paste -sd' ' "$work/embedded"))"
  echo "1 silo, PostgreSQL:                $one s ($(paste -sd' ' "$work/silos-1"))"
  echo "3 silos, PostgreSQL:               $three s ($(paste -sd' ' "$work/silos-3"))"
  echo "3 silos, one killed after ${kill_after} s:     $killed s ($(paste -sd' ' "$work/killed")); identical results every time"
  echo "cost of the lost silo:             $(echo "$killed - $three" | bc) s"
} | tee out/bench-cluster.txt
