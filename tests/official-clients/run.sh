#!/usr/bin/env bash
# Official clients against the emulator: the official `openai` npm package (pinned by node/package-lock.json, installed
# with `npm ci`) drives the fine-tuning flow as `OpenAI` and as `AzureOpenAI` (api-version 2024-05-01-preview), one
# node:test test per step. Starts the emulator (EmulatorHost) and always stops it, whatever happens. Writes TAP to
# $OFFICIAL_CLIENTS_TAP (default: artifacts/test-results/official-clients-node.tap), which eng/test.sh counts, and
# prints "N passed, N failed" last. Needs Node.js >= 20. --no-build: the host is already built (eng/test.sh builds the
# solution first). The .NET official client (OpenAI 2.15.0) runs in the test project: Emulator/OfficialOpenAIClientTests.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tap="${OFFICIAL_CLIENTS_TAP:-$root/artifacts/test-results/official-clients-node.tap}"
host_dll="$here/EmulatorHost/bin/Release/net10.0/Foundry.Training.EmulatorHost.dll"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() {
  echo "official clients: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || fail "Node.js (>= 20) and npm are required"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || fail "Node.js $(node --version) is too old; 20 or later is needed"

# 1. The openai package, exactly as locked (skipped when node_modules already matches the lock file).
cd "$here/node"
stamp="node_modules/.package-lock.sha256"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ] || [ ! -f node_modules/openai/package.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || fail "npm ci failed"
  echo "$lock_sum" > "$stamp"
fi

# 2. The emulator host.
if [ "${1:-}" != "--no-build" ]; then
  dotnet build "$here/EmulatorHost/Foundry.Training.EmulatorHost.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly || fail "the emulator host does not build"
fi
[ -f "$host_dll" ] || fail "$host_dll is missing (build the solution in Release)"

# 3. Start it; it prints "endpoint=<url>". The trap stops it on every exit; --parent stops it even if this script is killed.
log="$(mktemp)"
dotnet "$host_dll" --step-ms 60 --training-steps 6 --parent $$ > "$log" 2>&1 &
host=$!
trap 'kill "$host" 2>/dev/null; wait "$host" 2>/dev/null; rm -f "$log"' EXIT
endpoint=""
for _ in $(seq 1 600); do
  endpoint="$(sed -n 's/^endpoint=//p' "$log")"
  [ -n "$endpoint" ] && break
  kill -0 "$host" 2>/dev/null || break
  sleep 0.1
done
[ -n "$endpoint" ] || { cat "$log" >&2; fail "the emulator did not start"; }
echo "official clients: emulator at $endpoint"

# 4. The flows: per-step results on the console, TAP for the totals.
mkdir -p "$(dirname "$tap")"
FOUNDRY_EMULATOR_ENDPOINT="$endpoint" node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  flow.test.mjs
status=$?

passed="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n 1)"
failed="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n 1)"
cancelled="$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -n 1)"
failed=$(( ${failed:-0} + ${cancelled:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # node failed before reporting any test (a syntax error, a missing package)
fi
echo "${passed:-0} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
