#!/usr/bin/env bash
# Spec conformance (docs/conformance.md), for Foundry training jobs, Azure OpenAI (2024-05-01-preview) and OpenAI:
#  - request direction: every operation of the SDK's clients against a Stoplight Prism mock of each spec;
#  - response direction: every operation, and the samples' flows, through a validating Prism proxy in front of the
#    emulator (with --errors, except Azure OpenAI: see docs/conformance.md).
# Fails on any violation Prism reports that known-deviations.json does not excuse, any response the SDK cannot parse,
# and any problem the runner's own checks find.
# Installs the pinned Prism and TypeSpec compiler (package-lock.json) into eng/conformance/node_modules with `npm ci`,
# compiles the Foundry TypeSpec (specs/foundry-training-jobs/) to OpenAPI 3 on every run (foundry-typespec/), then runs.
# Needs Node.js >= 20 (Prism 5.16 declares Node 24 but runs on 20). --no-build (first) skips building the runner, for
# callers that just built the solution; other arguments go to the runner (--services foundry, --directions request,
# --modes static, --no-proxy-errors, --table FILE, --help).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
build=1
if [ "${1:-}" = "--no-build" ]; then
  build=0
  shift
fi

export SCARF_ANALYTICS=false npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "conformance: Node.js and npm are required (Node >= 20)" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "conformance: Node.js $(node --version) is too old; the TypeSpec compiler needs >= 20" >&2
  exit 1
fi

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# 1. Prism and the TypeSpec compiler, exactly as locked. The stamp lets local reruns skip a fresh install.
t0="$(seconds)"
stamp="node_modules/.package-lock.sha256"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ] && [ -f node_modules/@stoplight/prism-cli/dist/index.js ] && [ -f node_modules/@typespec/compiler/package.json ]; then
  echo "conformance: Prism $(node -p 'require("./node_modules/@stoplight/prism-cli/package.json").version') and TypeSpec $(node -p 'require("./node_modules/@typespec/compiler/package.json").version') already installed"
else
  # --ignore-scripts: no install script is needed (one would only send telemetry); the engine warning is expected on Node 20.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'EBADENGINE' || true
  if [ ! -f node_modules/@stoplight/prism-cli/dist/index.js ] || [ ! -f node_modules/@typespec/compiler/package.json ]; then
    echo "conformance: npm ci did not install @stoplight/prism-cli and @typespec/compiler" >&2
    exit 1
  fi
  echo "$lock_sum" > "$stamp"
fi
t1="$(seconds)"

# 2. The runner (also built with the solution).
if [ "$build" -eq 1 ]; then
  dotnet build Foundry.Training.Conformance/Foundry.Training.Conformance.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
fi
t2="$(seconds)"

# 3. The run. The runner compiles the Foundry TypeSpec (foundry-typespec/compile.mjs: the verbatim files with the
#    documented edits and stubs) while the other Prisms load, starts and always stops Prism and the emulator, and exits
#    non-zero on any failure.
status=0
dotnet Foundry.Training.Conformance/bin/Release/net10.0/Foundry.Training.Conformance.dll \
  --prism-cli node_modules/@stoplight/prism-cli/dist/index.js --conformance-dir "$here" --compile-foundry "$@" || status=$?
t3="$(seconds)"

echo "conformance: install $(elapsed "$t0" "$t1") s, build $(elapsed "$t1" "$t2") s, run $(elapsed "$t2" "$t3") s"
exit "$status"
