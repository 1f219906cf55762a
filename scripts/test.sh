#!/usr/bin/env bash
# Sets up and runs every test project (unit tests, plus integration tests against a real Azurite,
# real loopback HTTP and SMTP servers started by the tests themselves), then prints the totals as
# one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || exit 1

log=$(mktemp)
dotnet build NewsWatch.sln -c Release --no-restore -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# The protocol-harness tests start the package that ships (self-contained composite), built as for Azure.
./scripts/publish.sh --output out/test-package > /dev/null || { echo "0 passed, 1 failed"; exit 1; }
export NEWSWATCH_WORKER_PUBLISH_DIR="$PWD/out/test-package/app"
dotnet test NewsWatch.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
