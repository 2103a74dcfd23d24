#!/usr/bin/env bash
# Builds the NuGet packages of every shipping project into artifacts/packages: the libraries under sdk/ (.nupkg +
# .snupkg) and the dotnet tools under tools/ (foundry-train: Foundry.Training.Cli.nupkg).
# Package validation and the public API baseline run as part of the build.
# Extra arguments go to `dotnet pack` (for example: -p:VersionSuffix=preview.2).
set -euo pipefail
cd "$(dirname "$0")/.."

out="artifacts/packages"
rm -rf "$out"
for project in sdk/*/*.csproj tools/*/*.csproj; do
  dotnet pack "$project" -c Release -o "$out" "$@"
done
ls -1 "$out"
