#!/usr/bin/env bash
# Installs what Newsbus needs on a Debian machine, only when missing.
#   scripts/bootstrap.sh            system packages for building and running
#   scripts/bootstrap.sh --test     also the Python test peer (Google's protobuf) and valgrind
set -euo pipefail

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

packages=(libzmq3-dev libprotobuf-c-dev protobuf-c-compiler libsqlite3-dev libxml2-dev pkg-config)
if [ $want_test -eq 1 ]; then packages+=(protobuf-compiler valgrind); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "bootstrap: Swift 6 is required (swift not on PATH)" >&2; exit 1; }

if [ $want_test -eq 1 ]; then
  python="${PYTHON:-python3}"
  if ! "$python" -c 'import google.protobuf, sys; v = google.protobuf.__version__; sys.exit(0 if v.startswith("4.21") else 1)' 2>/dev/null; then
    echo "bootstrap: installing the Python protobuf runtime (matches protoc 3.21)"
    "$python" -m pip install --quiet --disable-pip-version-check 'protobuf>=4.21,<4.22' \
      || "$python" -m pip install --quiet --disable-pip-version-check --break-system-packages 'protobuf>=4.21,<4.22'
  fi
fi
