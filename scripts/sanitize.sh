#!/usr/bin/env bash
# Runs the hostile-input tests (safetensors headers, SAE inputs) and the
# checkpoint-reading reference cases under
# AddressSanitizer. swiftc has no UndefinedBehaviorSanitizer for Swift code;
# Swift's own checks (overflow, bounds) trap in these debug builds instead.
# Leak detection is off: the only leaks reported are inside Foundation's URL
# parser and XCTest, not in polygramc.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ASAN_OPTIONS=detect_leaks=0 swift test --sanitize=address --scratch-path .build-asan \
  --filter "SafetensorsReaderTests|AnalysisInputTests|SAEImportReferenceTests"
