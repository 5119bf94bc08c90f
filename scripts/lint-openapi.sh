#!/usr/bin/env bash
# Lints the served OpenAPI document with Spectral (OAS + OWASP rulesets, docs/openapi/spectral.yaml).
# The document is the one OpenApiContractTest leaves in bootstrap/target/openapi.json; run that
# test first. Needs node and npm (Spectral is installed from the npm registry into target/lint).
set -euo pipefail
cd "$(dirname "$0")/.."
doc=bootstrap/target/openapi.json
[ -f "$doc" ] || { echo "no $doc: run OpenApiContractTest first" >&2; exit 2; }
lint=bootstrap/target/lint
mkdir -p "$lint"
if [ ! -x "$lint/node_modules/.bin/spectral" ]; then
  npm install --prefix "$lint" --no-audit --no-fund --silent \
    @stoplight/spectral-cli@6 @stoplight/spectral-owasp-ruleset@2 >/dev/null
fi
cp docs/openapi/spectral.yaml "$lint/.spectral.yaml"
exec "$lint/node_modules/.bin/spectral" lint -r "$lint/.spectral.yaml" "$doc" "$@"
