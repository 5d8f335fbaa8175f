#!/usr/bin/env bash
# Sets up, builds, then compiles and verifies the bundled animals dictionary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# A static Swift runtime halves process start-up (see README, Benchmarks).
swift build -c release --static-swift-stdlib --product polygramc
out=$(mktemp -d)
.build/release/polygramc compile golden/animals/animals.yaml -o "$out"
.build/release/polygramc verify "$out"
