#!/usr/bin/env bash
# Sets up and runs the main job once on the offline sample: starts Azurite and the loopback sample
# site, polls the sample feed, processes every article, prints a summary. No internet needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
dotnet build src/NewsWatch.Cli -c Release --no-restore --verbosity quiet -nologo
exec dotnet run --project src/NewsWatch.Cli -c Release --no-build -- run --once --config samples/offline/newswatch.json "$@"
