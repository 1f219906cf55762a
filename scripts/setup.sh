#!/usr/bin/env bash
# Installs what NewsWatch needs beyond the .NET SDK and node/npm: the npm dev tools (Azurite,
# reference extractors) pinned in package-lock.json, and the NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev tools (Azurite) from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing chromium (browser tests)"
  if command -v sudo >/dev/null 2>&1 && [ "$(id -u)" -ne 0 ]; then apt="sudo apt-get"; else apt="apt-get"; fi
  $apt update -qq && $apt install -y -qq chromium >/dev/null
fi

echo "setup: restoring NuGet packages"
dotnet restore NewsWatch.sln --verbosity quiet
