#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: restores, builds (warnings are errors), starts a
# throwaway PostgreSQL, runs every test project, then prints one line "N passed, N failed" over all of them.
# Long end-to-end cases carry [Trait("Category", "Long")]; set GRIDACTORS_SKIP_LONG=1 to leave them out.
set -uo pipefail
cd "$(dirname "$0")/.."

# The live API's tests check a /metrics scrape with promtool and drive the dashboard and the report in headless
# Chromium, all from Debian's packages; a CJK font so that the screenshots show the report's Chinese terms (碳效码).
if ! command -v promtool >/dev/null || ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "installing prometheus (promtool), chromium and a CJK font from Debian packages..."
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends prometheus chromium fonts-wqy-zenhei >/dev/null
fi

# The OpenAPI document is linted with redocly's CLI from npm, installed once into out/tools (node and npm from
# Debian's packages when missing).
redocly_version=2.77.0
if [ ! -x out/tools/redocly/node_modules/.bin/redocly ]; then
  if ! command -v npm >/dev/null; then
    echo "installing nodejs and npm from Debian packages..."
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  echo "installing @redocly/cli $redocly_version from npm into out/tools/redocly..."
  npm install --silent --no-audit --no-fund --prefix out/tools/redocly "@redocly/cli@$redocly_version" >/dev/null || echo "could not install @redocly/cli"
fi

# The cluster tests run against a real PostgreSQL: a throwaway one, gone when the suite ends.
postgres_env=$(scripts/postgres.sh start) || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
eval "$postgres_env"

results=$(mktemp -d)
trap 'rm -rf "$results"; scripts/postgres.sh stop "$GRIDACTORS_POSTGRES_DIR"' EXIT

if ! dotnet build GridActors.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

filter=()
if [ "${GRIDACTORS_SKIP_LONG:-0}" = "1" ]; then
  filter=(--filter "Category!=Long")
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p))
  failed=$((failed + f))
done
if [ "$passed" -eq 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
