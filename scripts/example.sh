#!/usr/bin/env bash
# Sets up, builds, then compiles and verifies the bundled animals dictionary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Static Swift runtime and metadata accessors everywhere (see that script).
bash scripts/build-release.sh --product polygramc
out=$(mktemp -d)
.build/release/polygramc compile golden/animals/animals.yaml -o "$out"
.build/release/polygramc verify "$out"
