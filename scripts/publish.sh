#!/usr/bin/env bash
# Builds the deployable Functions package from `dotnet publish`: the isolated worker (NewsWatch.Functions.dll and
# its dependencies), host.json, functions.metadata (what the host indexes), worker.config.json (how the host starts
# the worker) and .azurefunctions/ (the worker's extension bundle), zipped for Flex Consumption's one-deploy.
#
# usage: scripts/publish.sh [--flavor ready-to-run|framework-dependent] [--output DIR] [--no-zip]
#
#   ready-to-run         (default, the shipped build) linux-x64 with PublishReadyToRun, as Microsoft documents for
#                        Functions on Linux: less JIT at every cold start (figures in docs/deploy.md).
#   framework-dependent  portable IL only; for `newswatch bench startup`.
#
# Output (default out/package): DIR/app (the unzipped app root) and DIR/newswatch-functions.zip.
# Prints "package: <zip> (<bytes> bytes)" as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

flavor=ready-to-run
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
  ready-to-run)        flags=(-r linux-x64 --no-self-contained -p:PublishReadyToRun=true) ;;
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

if [ "$make_zip" = 1 ]; then
  python3 - "$app" "$zip_path" <<'PY'
import os, sys, zipfile
root, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, root))
PY
  echo "package: $zip_path ($(stat -c %s "$zip_path") bytes)"
else
  echo "package: $app (not zipped)"
fi
