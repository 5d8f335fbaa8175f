#!/usr/bin/env bash
# Installs the system libraries polygramc links against, if any is missing.
set -euo pipefail
# libcmark and libxml2 (with ICU, xz and zlib) are linked from their static
# archives; release builds link libstdc++ and libgcc statically too.
packages=(libcmark-dev libopenblas-dev libxml2-dev libicu-dev liblzma-dev zlib1g-dev libstdc++-12-dev libgcc-12-dev
          pkg-config python3-venv librsvg2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
