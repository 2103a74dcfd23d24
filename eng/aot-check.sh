#!/usr/bin/env bash
# Native AOT check: publishes eng/aot-check (PublishAot) for linux-x64 and runs it. The app reads and writes every
# polymorphic family (known and unknown kinds) and calls TrainingJobsClient and FineTuningClient against a loopback
# server it starts itself. Fails on any trim/AOT analysis warning (IL2xxx/IL3xxx) that comes from Foundry.Training,
# on a failed publish, and on a non-zero exit of the binary. Warnings from dependencies are listed, not fatal.
#
# Needs a native toolchain: the ILCompiler package (version chosen by the SDK) links with clang when present and
# otherwise falls back to gcc with binutils' ld.bfd and objcopy, which this machine kind ships.
set -euo pipefail
cd "$(dirname "$0")/.."

project=eng/aot-check
out=artifacts/aot-check
log=artifacts/aot-check.log
mkdir -p artifacts
rm -rf "$project/bin" "$project/obj" "$out" # a cached native compile would print no warnings
start=$(date +%s)

echo "aot-check: publishing $project (Native AOT, linux-x64)"
if ! dotnet publish "$project" -c Release -r linux-x64 -o "$out" -p:TrimmerSingleWarn=false -nologo >"$log" 2>&1; then
  cat "$log"
  echo "aot-check: FAILED: publish failed (log: $log)"
  exit 1
fi

warnings=$(grep -E "warning IL[23][0-9]{3}" "$log" | sort -u || true)
ours=$(grep -E "Foundry\.Training" <<<"$warnings" || true)
theirs=$(grep -vE "Foundry\.Training" <<<"$warnings" || true)
if [ -n "$theirs" ]; then
  echo "aot-check: trim/AOT warnings from dependencies (not fatal):"
  echo "$theirs"
fi
if [ -n "$ours" ]; then
  echo "$ours"
  echo "aot-check: FAILED: trim/AOT warnings from Foundry.Training"
  exit 1
fi

published=$(date +%s)
binary="$out/Foundry.Training.AotCheck"
if ! "$binary"; then
  echo "aot-check: FAILED: $binary exited non-zero"
  exit 1
fi

echo "aot-check: passed (publish $((published - start)) s, binary $(du -m "$binary" | cut -f1) MiB, 0 warnings from Foundry.Training)"
