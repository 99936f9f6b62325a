#!/usr/bin/env bash
# Generates the protoc-c code for Protocols/newsbus/v1/*.proto into a target directory laid out
# like Sources/CNewsbusProto (sources beside, headers under include/).
#   scripts/gen-protos.sh [OUT_DIR]      default: Sources/CNewsbusProto
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/Sources/CNewsbusProto}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root/Protocols"
protoc-c --c_out="$tmp" newsbus/v1/*.proto
mkdir -p "$out/newsbus/v1" "$out/include/newsbus/v1"
for c in "$tmp"/newsbus/v1/*.pb-c.c; do cp "$c" "$out/newsbus/v1/"; done
for h in "$tmp"/newsbus/v1/*.pb-c.h; do cp "$h" "$out/include/newsbus/v1/"; done
