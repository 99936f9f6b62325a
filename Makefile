# Newsbus — the two commands of the README are `make demo` and `make test`.
SWIFT ?= swift
DB ?= newsbus.db
BIN_DEBUG = .build/debug/newsbus
BIN_RELEASE = .build/release/newsbus

.PHONY: all build demo test protos check-protos bench check-memory clean

all: build

## build: debug build of everything
build:
	scripts/bootstrap.sh
	$(SWIFT) build

## demo: process Examples/articles into $(DB) on the embedded default, then search it
demo: build
	$(BIN_DEBUG) process Examples/articles --db $(DB)
	@echo
	@echo '$$ newsbus search "missile launch" --db $(DB)'
	@$(BIN_DEBUG) search missile launch --db $(DB)
	@echo
	@echo '$$ newsbus stats --db $(DB)'
	@$(BIN_DEBUG) stats --db $(DB)

## test: install what is missing, check generated code, build, run every test
test:
	scripts/bootstrap.sh --test
	scripts/check-protos.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip NewsbusIntegrationTests
	@# The cluster tests measure timings (hung-worker detection within 3.5 s): run them on their own.
	$(SWIFT) test --skip-build --filter NewsbusIntegrationTests

## protos: regenerate Sources/CNewsbusProto from Protocols/
protos:
	scripts/bootstrap.sh
	scripts/gen-protos.sh

check-protos:
	scripts/check-protos.sh

## bench: release build, then the benchmarks (figures, not tests)
bench:
	scripts/bootstrap.sh
	$(SWIFT) build -c release --product newsbus
	$(BIN_RELEASE) bench codec
	$(BIN_RELEASE) bench pipeline
	$(BIN_RELEASE) bench ingest
	$(BIN_RELEASE) bench enrich

## check-memory: the codec's malformed-input corpus under valgrind
check-memory:
	scripts/bootstrap.sh --test
	scripts/check-memory.sh

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm
