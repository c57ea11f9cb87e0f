#!/usr/bin/env bash
# Lints the three services' AsyncAPI documents with the pinned @asyncapi/cli (package-lock.json):
# any error or warning fails. Usage: tools/asyncapi/lint.sh (from anywhere; needs Node 20 and npm).
set -euo pipefail
cd "$(dirname "$0")"
# npm ci (minutes on a busy machine) only when the lock file changed since the last one.
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.civmil-lock 2>/dev/null)" != "$lock" ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    echo "$lock" >node_modules/.civmil-lock
fi
# No usage metrics sent (nor a file written in $HOME): the CLI reads this opt-out.
export ASYNCAPI_METRICS_CONFIG_PATH="$PWD/node_modules/.asyncapi-analytics"
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >"$ASYNCAPI_METRICS_CONFIG_PATH"
documents=../../contracts/events/src/main/resources/asyncapi
status=0
for service in zones-service partnership-service referral-network-service; do
    echo "== $service"
    npx --no-install asyncapi validate "$documents/$service.yaml" --fail-severity=warn || status=1
done
exit $status
