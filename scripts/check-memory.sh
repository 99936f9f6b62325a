#!/usr/bin/env bash
# Runs the NewsbusWireTests malformed-input suite under valgrind memcheck and fails if valgrind
# reports a memory error or a definite leak (or if the tests fail, or none ran).
#
#   scripts/check-memory.sh [--scratch-path DIR] [--filter REGEX] [--full] [--keep-log FILE]
#
#   --scratch-path DIR   SwiftPM scratch path to build in (default: .build)
#   --filter REGEX       Swift Testing filter (default: Malformed)
#   --full               full-size random corpus (default: NEWSBUS_CORPUS_SCALE=small, which
#                        shrinks only the random case counts; every truncation is still tried)
#   --keep-log FILE      copy valgrind's log to FILE
#
# It builds the test bundle (swift build --product NewsbusPackageTests) and runs the bundle
# executable directly:
#   NewsbusPackageTests.xctest --testing-library swift-testing --filter <REGEX>
# which is what `swift test --filter` does on Linux. No executable target is added.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scratch=".build"
filter="Malformed"
scale="small"
keep_log=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scratch-path) scratch="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --full) scale="full"; shift ;;
    --keep-log) keep_log="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-memory: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "check-memory: $*" >&2; exit 1; }
command -v valgrind >/dev/null || fail "valgrind is not installed (apt-get install valgrind)"
command -v objcopy >/dev/null || fail "objcopy is not installed (apt-get install binutils)"
cc="${CC:-$(command -v cc || command -v clang || true)}"
[ -n "$cc" ] || fail "no C compiler (cc or clang) for the sigsuspend shim"

cd "$root"
echo "check-memory: building the test bundle in $scratch" >&2
swift build --scratch-path "$scratch" --product NewsbusPackageTests >&2 \
  || fail "the test bundle did not build (a test target other than NewsbusWireTests may be broken)"
bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
bundle="$bin/NewsbusPackageTests.xctest"
[ -x "$bundle" ] || fail "no test bundle at $bundle"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug info Swift writes ("Possibly corrupted
# debuginfo file ... Giving up"): run a copy without debug info. Symbols stay, so stacks keep
# function names; line numbers are lost.
objcopy --strip-debug "$bundle" "$tmp/NewsbusPackageTests.xctest"

# valgrind before 3.20 removes its own signal from the mask passed to sigsuspend(2) in place;
# libdispatch's main thread passes a mask in read-only memory, and valgrind dies ("the 'impossible'
# happened: Killed by fatal signal"). This preload hands sigsuspend a writable copy instead.
"$cc" -shared -fPIC -O2 -o "$tmp/sigsuspend-copy.so" -x c - -ldl <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
int sigsuspend(const sigset_t *mask) {
    static int (*real)(const sigset_t *);
    if (!real) real = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t copy = *mask;
    return real(&copy);
}
EOF

log="$tmp/valgrind.log"
echo "check-memory: valgrind on tests matching '$filter' (corpus scale: $scale)" >&2
start=$SECONDS
set +e
LD_PRELOAD="$tmp/sigsuspend-copy.so" NEWSBUS_CORPUS_SCALE="$scale" \
  valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --num-callers=30 --log-file="$log" \
    "$tmp/NewsbusPackageTests.xctest" --testing-library swift-testing --filter "$filter" \
    >"$tmp/tests.log" 2>&1
status=$?
set -e
elapsed=$((SECONDS - start))
[ -n "$keep_log" ] && cp "$log" "$keep_log"

summary="$(grep -a 'Test run with' "$tmp/tests.log" | tail -1 | sed 's/\x1b\[[0-9;]*m//g' || true)"
echo "check-memory: ${summary:-no test summary}" >&2
grep -aE 'definitely lost:|indirectly lost:|possibly lost:|ERROR SUMMARY:' "$log" | sed 's/^==[0-9]*== */check-memory:   /' >&2 || true
echo "check-memory: valgrind run took ${elapsed}s" >&2

if grep -aq "the 'impossible' happened" "$log"; then
  tail -40 "$log" >&2
  fail "valgrind itself crashed"
fi
if [ $status -eq 99 ]; then
  # Show the errors and the definite-leak records with their stacks.
  awk '/^==[0-9]+== [^ ]/ && /(Invalid|uninitialised|Mismatched|definitely lost in loss record|overlap|Syscall param)/ {show=1}
       /^==[0-9]+== $/ {if (show) print; show=0}
       show {print}' "$log" | { swift demangle --simplified 2>/dev/null || cat; } >"$tmp/report" || true
  head -200 "$tmp/report" >&2
  fail "valgrind found memory errors or definite leaks (exit 99)"
fi
if [ $status -ne 0 ]; then
  sed 's/\x1b\[[0-9;]*m//g' "$tmp/tests.log" | grep -aE '✘|error|Fatal|crash' | head -40 >&2 || true
  fail "the tests failed under valgrind (exit $status)"
fi
case "$summary" in
  *"with 0 tests"*|"") fail "no test matched '$filter'" ;;
esac
echo "check-memory: OK — no memory errors, no definite leaks" >&2
