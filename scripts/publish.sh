#!/usr/bin/env bash
# Builds the deployable Functions package from `dotnet publish`: the isolated worker (NewsWatch.Functions.dll and
# its dependencies), host.json, functions.metadata (what the host indexes), worker.config.json (how the host starts
# the worker) and .azurefunctions/ (the worker's extension bundle), zipped for Flex Consumption's one-deploy.
#
# usage: scripts/publish.sh [--flavor self-contained-composite|ready-to-run|framework-dependent] [--output DIR] [--no-zip]
#
#   self-contained-composite  (default, the shipped build) linux-x64 ReadyToRun, self-contained, the app and the
#                        framework in one composite image: the least JIT at every cold start (docs/deploy.md).
#   ready-to-run         linux-x64 ReadyToRun per assembly on the platform's .NET; for `newswatch bench startup`.
#   framework-dependent  portable IL only; for `newswatch bench startup`.
#
# Output (default out/package): DIR/app (the unzipped app root) and DIR/newswatch-functions.zip.
# Prints "package: <zip> (<bytes> bytes)" as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

flavor=self-contained-composite
output=out/package
make_zip=1
while [ $# -gt 0 ]; do
  case "$1" in
    --flavor) flavor=${2:?--flavor needs a value}; shift 2 ;;
    --output) output=${2:?--output needs a value}; shift 2 ;;
    --no-zip) make_zip=0; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "publish: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

case "$flavor" in
  self-contained-composite) flags=(-r linux-x64 --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true) ;;
  ready-to-run)        flags=(-r linux-x64 --no-self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false) ;;
  framework-dependent) flags=(-p:PublishReadyToRun=false) ;;
  *) echo "publish: unknown flavor '$flavor'" >&2; exit 2 ;;
esac

project=src/NewsWatch.Functions/NewsWatch.Functions.csproj
mkdir -p "$output"
output=$(cd "$output" && pwd)
app="$output/app"
zip_path="$output/newswatch-functions.zip"
# A stale file from an earlier flavor would change what starts; always publish into an empty folder.
rm -rf "$app" "$zip_path"

echo "publish: $flavor -> $app" >&2
dotnet publish "$project" -c Release "${flags[@]}" -o "$app" -nologo -clp:ErrorsOnly --verbosity quiet >&2

# The package must be exactly what the host expects at the app root; fail here rather than in Azure.
for f in host.json functions.metadata worker.config.json NewsWatch.Functions.dll .azurefunctions; do
  [ -e "$app/$f" ] || { echo "publish: $f missing from $app" >&2; exit 1; }
done

# A self-contained worker is started as its own executable ({WorkerRoot}NewsWatch.Functions in worker.config.json):
# without its execute bit the host cannot start it.
executable=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["description"]["defaultExecutablePath"])' "$app/worker.config.json")
case "$executable" in
  "{WorkerRoot}"*)
    executable=${executable#"{WorkerRoot}"}
    [ -x "$app/$executable" ] || { echo "publish: $app/$executable is not executable" >&2; exit 1; } ;;
  *) executable="" ;;
esac

if [ "$make_zip" = 1 ]; then
  python3 - "$app" "$zip_path" <<'PY'
import os, sys, zipfile
root, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            # ZipInfo.from_file keeps the Unix mode, so the worker's executable stays executable once unpacked.
            z.write(p, os.path.relpath(p, root))
PY
  if [ -n "$executable" ]; then
    python3 - "$zip_path" "$executable" <<'PY' || { echo "publish: $executable lost its execute bit in the zip" >&2; exit 1; }
import sys, zipfile
mode = zipfile.ZipFile(sys.argv[1]).getinfo(sys.argv[2]).external_attr >> 16
sys.exit(0 if mode & 0o111 else 1)
PY
  fi
  echo "package: $zip_path ($(stat -c %s "$zip_path") bytes)"
else
  echo "package: $app (not zipped)"
fi
