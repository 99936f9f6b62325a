#!/usr/bin/env bash
# Fails when the committed protoc-c output differs from what protoc-c makes from Protocols/ today.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/gen-protos.sh" "$tmp"
status=0
for f in $(cd "$tmp" && find . -name '*.pb-c.[ch]' | sort); do
  if ! diff -u "$root/Sources/CNewsbusProto/$f" "$tmp/$f" >/dev/null 2>&1; then
    echo "protos: Sources/CNewsbusProto/${f#./} is stale or missing; run 'make protos'" >&2
    status=1
  fi
done
for f in $(cd "$root/Sources/CNewsbusProto" && find . -name '*.pb-c.[ch]' | sort); do
  [ -e "$tmp/$f" ] || { echo "protos: Sources/CNewsbusProto/${f#./} has no .proto any more; run 'make protos'" >&2; status=1; }
done
[ $status -eq 0 ] && echo "protos: generated C matches Protocols/"
exit $status
