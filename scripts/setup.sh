#!/usr/bin/env bash
# Installs what NewsWatch needs beyond the .NET SDK and node/npm: the npm dev tools (Azurite,
# reference extractors) pinned in package-lock.json, and the NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev tools (Azurite) from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "setup: restoring NuGet packages"
dotnet restore NewsWatch.sln --verbosity quiet
