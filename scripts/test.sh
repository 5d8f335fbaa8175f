#!/usr/bin/env bash
# Sets up and runs the whole test suite (unit, golden, CLI and the q-orca
# oracle test, which installs q-orca==0.9.1 into a throwaway venv).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift build --product polygramc
swift test --skip-build 2>&1 | tee /tmp/polygramc-test.log
