#!/usr/bin/env bash
# Validates what deploys the suite, offline, and fails on any finding (docs/deployment.md):
#  - the Kubernetes manifests of deploy/kubernetes against the Kubernetes API schemas and types (validate.mjs, with
#    kubernetes-models pinned in package-lock.json), and again as kustomize renders them when kubectl is there;
#  - that the same validation refuses a deliberately broken manifest (fixtures/broken.yaml), for each of its faults;
#  - docker-compose.yml: valid once every required variable is set (dummy values), and refused, naming the variable,
#    as soon as any one of them is missing.
# Usage: bash tools/deploy/check.sh (from anywhere; needs Node 20 and npm, and docker-compose, which it installs
# with apt-get when it runs as root).
set -euo pipefail
cd "$(dirname "$0")"
root=../..

# npm ci only when the lock file changed since the last one.
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.civmil-lock 2>/dev/null)" != "$lock" ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    echo "$lock" >node_modules/.civmil-lock
fi

echo "== Kubernetes manifests (deploy/kubernetes)"
node validate.mjs --kustomization "$root/deploy/kubernetes"
if command -v kubectl >/dev/null 2>&1; then
    echo -n "as rendered by kubectl kustomize (-): "
    kubectl kustomize "$root/deploy/kubernetes" | node validate.mjs - "$root/deploy/kubernetes/secrets.example.yaml"
else
    echo "kubectl not found: the kustomize rendering is not checked (each file is)"
fi

echo "== The validation refuses a broken manifest (fixtures/broken.yaml)"
if output=$(node validate.mjs fixtures/broken.yaml 2>&1); then
    echo "$output"
    echo "FAILED: validate.mjs accepted fixtures/broken.yaml"
    exit 1
fi
missed=0
for fault in "spec/replicas must be integer" \
             "'\"readinesProbe\"' does not exist" \
             "policy/v1beta1/PodDisruptionBudget is not an API version" \
             "livenessProbe on port 8080: health is on the management port 9000 only"; do
    if grep -qF -- "$fault" <<<"$output"; then
        echo "refused: $fault"
    else
        echo "FAILED: no error \"$fault\" for fixtures/broken.yaml"
        missed=1
    fi
done
if [ "$missed" = 1 ]; then
    echo "$output"
    exit 1
fi

echo "== docker-compose.yml"
if ! command -v docker-compose >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >/dev/null 2>&1 || true
fi
if ! command -v docker-compose >/dev/null 2>&1; then
    echo "FAILED: docker-compose is not installed (apt-get install docker-compose)"
    exit 1
fi
# Every variable docker-compose.yml requires, with a dummy value. The checks run with no other environment and an
# env file of their own, so neither the caller's variables nor a local .env can make them pass.
required=(
    CIVMIL_JWT_ISSUER=https://idp.example.invalid/realms/civmil
    CIVMIL_JWKS_URL=https://idp.example.invalid/realms/civmil/protocol/openid-connect/certs
    CIVMIL_POSTGRES_SUPERUSER_PASSWORD=dummy-superuser
    CIVMIL_ZONES_DB_PASSWORD=dummy-zones
    CIVMIL_PARTNERSHIP_DB_PASSWORD=dummy-partnership
    CIVMIL_REFERRAL_DB_PASSWORD=dummy-referral
    CIVMIL_GATEWAY_DB_PASSWORD=dummy-gateway
)
envfile=$(mktemp)
trap 'rm -f "$envfile"' EXIT
compose() { env -i PATH="$PATH" HOME="${HOME:-/root}" docker-compose --project-directory "$root" --env-file "$envfile" -f "$root/docker-compose.yml" config "$@"; }

# With nothing set, the file is valid (docker-compose config -q) and every secret is empty: no default anywhere.
: >"$envfile"
compose -q
bare=$(compose)
for setting in POSTGRES_PASSWORD CIVMIL_ZONES_DB_PASSWORD CIVMIL_PARTNERSHIP_DB_PASSWORD CIVMIL_REFERRAL_DB_PASSWORD \
    CIVMIL_GATEWAY_DB_PASSWORD QUARKUS_DATASOURCE_PASSWORD MP_JWT_VERIFY_ISSUER MP_JWT_VERIFY_PUBLICKEY_LOCATION; do
    if grep -E "^ +$setting: " <<<"$bare" | grep -vqE ": ''$"; then
        grep -E "^ +$setting: " <<<"$bare"
        echo "FAILED: $setting of docker-compose.yml has a value when nothing is set"
        exit 1
    fi
done
echo "valid with nothing set, every secret empty"
# Set, each reaches its container.
printf '%s\n' "${required[@]}" >"$envfile"
set_config=$(compose)
for variable in "${required[@]}"; do
    if ! grep -qF -- "${variable#*=}" <<<"$set_config"; then
        echo "FAILED: ${variable%%=*} reaches no container"
        exit 1
    fi
done
echo "valid with the ${#required[@]} variables set, each used"
# An empty one stops its container, naming it: the services' entrypoint checks these settings.
for setting in QUARKUS_DATASOURCE_PASSWORD MP_JWT_VERIFY_ISSUER MP_JWT_VERIFY_PUBLICKEY_LOCATION; do
    if ! grep -qE "for setting in .*\b$setting\b" "$root/docker-compose.yml"; then
        echo "FAILED: the services' entrypoint does not refuse an empty $setting"
        exit 1
    fi
done
# And no password anywhere with a default value.
if grep -nE '\$\{[A-Z_]+:?-[^}]' "$root/docker-compose.yml"; then
    echo "FAILED: a variable of docker-compose.yml has a default value"
    exit 1
fi
echo "deployment checks passed"
