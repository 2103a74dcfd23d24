#!/usr/bin/env bash
# Runs every test project in Release, then the official `openai` npm package through the fine-tuning flow against the
# emulator (tests/official-clients/run.sh; needs Node.js >= 20 and npm), and prints "N passed, N failed" (from the TRX
# results and the node flows' TAP) as its last line.
# Extra arguments go to `dotnet test` (for example: --filter "FullyQualifiedName~Paging"); a run with arguments is a
# targeted one and skips the node flows.
set -uo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
dotnet test Foundry.Training.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$#" -eq 0 ]; then
  # Official clients (docs/emulator.md): the solution above built the emulator host. Their last line is "N passed, N failed".
  mkdir -p "$results"
  OFFICIAL_CLIENTS_TAP="$results/official-clients-node.tap" ./tests/official-clients/run.sh --no-build 2>&1 | tee "$results/official-clients.log"
  node_status=${PIPESTATUS[0]}
  summary=$(tail -n 1 "$results/official-clients.log")
  p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' <<<"$summary")
  f=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' <<<"$summary")
  if [ -z "$p" ]; then
    p=0
    f=1
  fi
  if [ "$node_status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
fi

echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
