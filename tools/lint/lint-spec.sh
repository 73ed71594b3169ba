#!/usr/bin/env bash
# Lints spec/adobe-pass.openapi.yaml with the pinned Redocly CLI and Spectral (spectral:oas).
# Fails on any error or warning from either. Needs Node >= 20.19 and the npm registry (npm ci).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spec="$here/../../spec/adobe-pass.openapi.yaml"
cd "$here"

# No telemetry or update checks: CI has no network beyond the registry.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export SCARF_ANALYTICS=false

# --ignore-scripts: no dependency needs an install script, and one (@scarf/scarf) only reports usage.
npm ci --ignore-scripts --no-audit --no-fund

echo "== Redocly CLI $(npx --no-install redocly --version) (recommended-strict: the recommended rules, warnings as errors)"
npx --no-install redocly lint --extends=recommended-strict "$spec"

echo "== Spectral $(npx --no-install spectral --version) (spectral:oas, failing on hints and above)"
npx --no-install spectral lint --ruleset "$here/.spectral.yaml" --fail-severity=hint "$spec"

echo "spec lint: 0 errors, 0 warnings"
