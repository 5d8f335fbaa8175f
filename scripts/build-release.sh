#!/usr/bin/env bash
# The release build of polygramc (extra arguments go to `swift build`, e.g.
# `--product polygramc`):
# - the Swift runtime and Foundation linked statically (`--static-swift-stdlib`),
#   which halves process start-up (README, Benchmarks);
# - every module, including the dependencies Yams and ArgumentParser, compiled
#   so that concrete generic types get their metadata through accessors
#   instead of mangled names. Package.swift sets this for our own modules; only
#   a command-line flag reaches the dependencies. Measured: 0.15 ms less per
#   `run`, most of it in Yams's first parse;
# - every function in a section of its own (`-function-sections`), so the link
#   can place the ones a run uses first and together (link/function-order.txt,
#   made by scripts/order-functions.sh): a run touches fewer pages of code;
# - no `$ORIGIN` run path (`--disable-local-rpath`): nothing is loaded from
#   beside the binary, and with it the dynamic loader first probed two dozen
#   paths there (glibc-hwcaps/…, tls/…) for each of libc, libm and libgcc_s.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --disable-local-rpath \
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
  -Xswiftc -Xfrontend -Xswiftc -function-sections "$@"
