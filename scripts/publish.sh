#!/usr/bin/env bash
# Builds the deployable Functions package: host.json, one folder per function (function.json), and the
# custom handler ("handler", the executable host.json names) for linux-x64, zipped on Linux so the
# executable bit survives (a zip without it leaves the Functions host unable to start the handler).
#
# usage: scripts/publish.sh [--flavor composite|ready-to-run|self-contained|framework-dependent|native-aot]
#                           [--output DIR] [--no-zip]
#
#   composite            (default, the shipped build) self-contained and trimmed, the app and the framework
#                        compiled ahead of time into one ReadyToRun composite image: no .NET runtime needed on the
#                        worker, the least JIT and loading work at start, about half the package size.
#   ready-to-run         self-contained, each assembly ReadyToRun on its own, untrimmed; for the startup benchmark.
#   self-contained       self-contained, JIT only; for the startup benchmark.
#   framework-dependent  needs a .NET 10 runtime on the machine; for the startup benchmark only, the
#                        Flex Consumption "custom" workers do not promise one.
#   native-aot           tried by the benchmark; needs the NativeAOT runtime pack from NuGet (see docs/deploy.md).
#
# Output (default out/package): DIR/app (the unzipped app root) and DIR/newswatch-functions.zip.
# Prints "package: <zip> (<bytes> bytes)" as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

flavor=composite
output=out/package
make_zip=1
while [ $# -gt 0 ]; do
  case "$1" in
    --flavor) flavor=${2:?--flavor needs a value}; shift 2 ;;
    --output) output=${2:?--output needs a value}; shift 2 ;;
    --no-zip) make_zip=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "publish: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

case "$flavor" in
  composite)           flags=(--self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true) ;;
  ready-to-run)        flags=(--self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false -p:PublishTrimmed=false) ;;
  self-contained)      flags=(--self-contained -p:PublishReadyToRun=false -p:PublishTrimmed=false) ;;
  framework-dependent) flags=(--no-self-contained -p:PublishReadyToRun=false -p:PublishTrimmed=false) ;;
  native-aot)          flags=(-p:PublishAot=true -p:PublishReadyToRun=false) ;;
  *) echo "publish: unknown flavor '$flavor'" >&2; exit 2 ;;
esac

project=src/NewsWatch.Functions/NewsWatch.Functions.csproj
mkdir -p "$output"
output=$(cd "$output" && pwd)
app="$output/app"
zip_path="$output/newswatch-functions.zip"
# A stale file from an earlier flavor (e.g. libcoreclr.so next to a framework-dependent build) would
# change what starts; always publish into an empty folder.
rm -rf "$app" "$zip_path"

echo "publish: $flavor -> $app" >&2
dotnet publish "$project" -c Release -r linux-x64 "${flags[@]}" -o "$app" -nologo -clp:ErrorsOnly --verbosity quiet >&2

# The package must be exactly what the host expects at the app root; fail here rather than in Azure.
[ -f "$app/host.json" ] || { echo "publish: host.json missing from $app" >&2; exit 1; }
[ -f "$app/handler" ] || { echo "publish: handler executable missing from $app" >&2; exit 1; }
for fj in src/NewsWatch.Functions/*/function.json; do
  fn=$(basename "$(dirname "$fj")")
  cmp -s "$fj" "$app/$fn/function.json" || { echo "publish: $fn/function.json missing or stale in $app" >&2; exit 1; }
done
# Build-time leftovers the worker never reads.
rm -f "$app/handler.staticwebassets.endpoints.json"
chmod 0755 "$app/handler"

if [ "$make_zip" = 1 ]; then
  if command -v zip >/dev/null 2>&1; then
    # -X drops uid/gid extras but keeps the Unix mode bits (0755 on handler) in the central directory.
    (cd "$app" && zip -q -r -X "$zip_path" .)
  else
    python3 - "$app" "$zip_path" <<'PY'
import os, sys, zipfile
root, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk(root):
        for f in sorted(files):
            p = os.path.join(d, f)
            info = zipfile.ZipInfo.from_file(p, os.path.relpath(p, root))  # keeps st_mode in external_attr
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(p, "rb") as src:
                z.writestr(info, src.read())
PY
  fi
  # Prove the executable bit made it into the archive (external attributes carry the Unix mode).
  python3 - "$zip_path" <<'PY'
import sys, zipfile
mode = zipfile.ZipFile(sys.argv[1]).getinfo("handler").external_attr >> 16
if not mode & 0o111:
    sys.exit(f"publish: handler lost its executable bit in the zip (mode {oct(mode)})")
PY
  echo "package: $zip_path ($(stat -c %s "$zip_path") bytes)"
else
  echo "package: $app (not zipped)"
fi
