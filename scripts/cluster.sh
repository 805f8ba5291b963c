#!/usr/bin/env bash
# A demo cluster on one machine: N `gridactors serve` silos on PostgreSQL, in the background.
#
#   eval "$(scripts/postgres.sh start)"      # or point GRIDACTORS_POSTGRES at your own database
#   scripts/cluster.sh start 3               # db init, then silos on ports 11111.. (gateways 30000..)
#   scripts/cluster.sh status                # the silos of the membership table
#   scripts/cluster.sh stop                  # SIGTERM to every silo it started
# Logs and pids go to out/cluster/. CLUSTER_ID (default gridactors-local) names the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

state=out/cluster
cluster_id=${CLUSTER_ID:-gridactors-local}
cli=src/Silo/bin/Release/net10.0/gridactors.dll

case "${1:-}" in
  start)
    count=${2:-3}
    : "${GRIDACTORS_POSTGRES:?set GRIDACTORS_POSTGRES (eval \"\$(scripts/postgres.sh start)\" starts a throwaway PostgreSQL)}"
    dotnet build src/Silo -c Release -nologo -v quiet >/dev/null
    mkdir -p "$state"
    dotnet "$cli" db init
    for i in $(seq 0 $((count - 1))); do
      dotnet "$cli" serve --silo-port $((11111 + i)) --gateway-port $((30000 + i)) --cluster-id "$cluster_id" >"$state/silo-$i.log" 2>&1 &
      echo $! >>"$state/pids"
    done
    for i in $(seq 0 $((count - 1))); do
      for _ in $(seq 120); do grep -q "silo serving" "$state/silo-$i.log" && break; sleep 0.5; done
      grep "silo serving" "$state/silo-$i.log" || { echo "silo $i did not start; see $state/silo-$i.log" >&2; exit 1; }
    done
    ;;
  status)
    psql "$(sed -E 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/; s/Password=/password=/' <<<"${GRIDACTORS_POSTGRES:?}")" \
      -c "SELECT Address, Port, ProxyPort AS gateway, CASE Status WHEN 3 THEN 'active' WHEN 6 THEN 'dead' ELSE Status::text END AS status, IAmAliveTime FROM OrleansMembershipTable WHERE DeploymentId = '$cluster_id' ORDER BY Port"
    ;;
  stop)
    [ -f "$state/pids" ] || exit 0
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$state/pids"
    rm -f "$state/pids"
    ;;
  *)
    echo "usage: scripts/cluster.sh start [N] | status | stop" >&2
    exit 2
    ;;
esac
