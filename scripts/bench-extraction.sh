#!/usr/bin/env bash
# Sets up and runs the extraction benchmark in one go: the npm references (Readability.js on linkedom) come
# from package-lock.json via setup.sh; readability-lxml is Debian's python3-readability, installed here when
# missing. Arguments go to `newswatch bench extraction` (default corpus: ../shared/corpus/extraction/dev).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -q python3-readability >&2
fi
dotnet build src/NewsWatch.Cli -c Release --no-restore --verbosity quiet -nologo
args=("$@")
[ "${#args[@]}" -gt 0 ] || args=(--corpus ../shared/corpus/extraction/dev)
exec dotnet run --project src/NewsWatch.Cli -c Release --no-build -- bench extraction "${args[@]}"
