#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite in tests/Foundry.Training.Benchmarks (Release). Not part of ./eng/test.sh or CI runs.
#   ./eng/bench.sh                                              every benchmark, in-process, short job
#   ./eng/bench.sh --filter '*Deserialization*' --inProcess --job short   any BenchmarkDotNet arguments
#   ./eng/bench.sh memory parallel [MiB] [MB/s]                 the parallel download's client alone, the emulator in another process
#   ./eng/bench.sh memory                                       peak working set harness (1 GiB upload, 2 GiB upload in parts
#                                                               and 1 GiB download, 100,000-item paging), one process per scenario
#   ./eng/bench.sh interleaved [e2e|pipeline|download] [rounds] ratios from interleaved rounds (fastest round, median
#                                                               paired ratio): tolerates a loaded machine; deserialization
#                                                               when no suite is named
#   ./eng/bench.sh attribution get|get-foundry|download|wrapper [rounds]  where end-to-end time goes (bare Azure.Core, parts off)
#   ./eng/bench.sh profile SCENARIO SECONDS                     one scenario in a loop, for perf (docs/performance.md)
#   ./eng/bench.sh analysis [megabytes] [rounds]                training file analysis on a generated chat JSONL (100 MB):
#                                                               examples/s, MB/s and the tokenizer's share of the time
# Results land in artifacts/benchmarks/ (BenchmarkDotNet's markdown, CSV and HTML reports).
set -euo pipefail
cd "$(dirname "$0")/.."

project=tests/Foundry.Training.Benchmarks
dotnet build "$project" -c Release -warnaserror --nologo -v quiet
if [ $# -eq 0 ]; then
  set -- --filter '*' --inProcess --job short
fi

assembly="$project/bin/Release/net10.0/Foundry.Training.Benchmarks.dll"
if [ "$1" = "memory" ] || [ "$1" = "interleaved" ] || [ "$1" = "attribution" ] || [ "$1" = "profile" ] || [ "$1" = "analysis" ]; then
  exec dotnet "$assembly" "$@"
fi
exec dotnet "$assembly" --artifacts artifacts/benchmarks "$@"
