#!/usr/bin/env bash
# Records every public API change of the shipping packages in their PublicAPI.Unshipped.txt (the build fails on a public
# change that is not recorded there). Review the diff: it is the public surface you are about to ship.
set -euo pipefail
cd "$(dirname "$0")/.."

for project in sdk/*/*.csproj; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
  done
  echo "Updating $dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info -v q
done
git --no-pager diff --stat -- 'sdk/*/PublicAPI.*.txt' || true
