# The two commands of the README: `make demo` and `make test`. Each installs what is missing.
SWIFT ?= swift
BIN := .build/debug/reputa

.PHONY: deps build demo test snapshots snapshots-check bench fuzz tsan eval train clean release install install-files uninstall

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The main job on the shipped sources.yml and snapshots/, offline, into var/reputa.sqlite.
demo: build
	$(BIN) run --config sources.yml

test: deps snapshots-check
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build

# Ingest throughput and peak memory on generated large inputs, then the inbox's queue page under
# load with 100,000 flags (release build).
bench: deps
	$(SWIFT) build -c release --product reputa
	python3 scripts/bench.py .build/release/reputa $(or $(ROWS),1000000) $(or $(ATOM),100000)
	python3 scripts/bench_inbox.py .build/release/reputa $(or $(INBOX_FLAGS),100000)

# libFuzzer harnesses (Fuzz/) with AddressSanitizer, each run for FUZZ_SECONDS (default 60).
fuzz: deps
	bash scripts/fuzz.sh

# The concurrency-heavy tests (watch workers, leases, the alert outbox and delivery, the parser
# hand-off) with ThreadSanitizer: the test binary and the `reputa` they run, both built with it.
TSAN_TESTS ?= WatchTests|TeamWatchTests|LeaseTests|OutboxTests|AlertQueueTests|AlertsTests|ReactionTests|HandOffTests
# Counts fetches per second of wall time: a timing check, not a concurrency one, and the
# instrumented binary runs several times slower.
TSAN_SKIP ?= eachSourceIsPolledAtItsOwnInterval
# Every process's reports go to .build-tsan/tsan-report.PID: one there fails the target.
tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	rm -f .build-tsan/tsan-report.*
	TSAN_OPTIONS=halt_on_error=0:second_deadlock_stack=1:log_path=$(CURDIR)/.build-tsan/tsan-report \
	  REPUTA_BIN=$(CURDIR)/.build-tsan/debug/reputa \
	  $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter '$(TSAN_TESTS)' --skip '$(TSAN_SKIP)'
	@if ls .build-tsan/tsan-report.* >/dev/null 2>&1; then \
	  echo "tsan: data races reported:"; head -n 60 .build-tsan/tsan-report.*; exit 1; \
	else echo "tsan: no report from the test process or any reputa it ran"; fi

# Evaluations on the real labelled reviews of ../shared/data (read in place, never copied):
# language identification per language and per file; negativity per held-out file and language
# (the held-out models are retrained: scripts/train_negativity.py); urgent false alarms and
# recall per category. Each exits non-zero below its thresholds.
LABELLED ?= ../shared/data/labelled-reviews
eval: build
	/usr/bin/python3 scripts/eval_language.py $(BIN) $(LABELLED)
	/usr/bin/python3 scripts/eval_negativity.py $(BIN) $(LABELLED)
	/usr/bin/python3 scripts/eval_urgent.py $(BIN) $(LABELLED)

# Retrains the shipped negativity model from ../shared/data (docs/flags.md).
train: build
	/usr/bin/python3 scripts/train_negativity.py $(BIN) --data $(LABELLED)

# Regenerates the demo dataset (deterministic: same bytes every time).
snapshots:
	python3 scripts/gen_demo.py snapshots

# The committed snapshots/ must be exactly what the generator writes.
snapshots-check:
	@tmp=$$(mktemp -d) && python3 scripts/gen_demo.py $$tmp >/dev/null && \
	  diff -r $$tmp snapshots >/dev/null && rm -rf $$tmp && \
	  echo "snapshots: identical to scripts/gen_demo.py output" || \
	  { echo "snapshots/ differs from scripts/gen_demo.py output (run make snapshots)"; rm -rf $$tmp; exit 1; }

# `make install` (PREFIX, default /usr/local; DESTDIR for packaging): the release binary, the
# files it ships (the inbox's templates and the negativity model, under share/reputa), a man
# page generated from the command definitions (swift-argument-parser's generate-manual), and
# bash, zsh and fish completions. It installs only the build libraries, not the test tools.
# On a server: `make release` as a user, then `sudo make install-files`. `install-files`
# installs binaries already built (BINARY, GENERATE_MANUAL): the tests use it on the debug build.
PREFIX ?= /usr/local
BINARY ?= .build/release/reputa
GENERATE_MANUAL ?= .build/debug/generate-manual
DEST = $(DESTDIR)$(PREFIX)
release:
	@bash scripts/install-deps.sh --build
	$(SWIFT) build -c release --product reputa
	$(SWIFT) build --product generate-manual

install: release
	$(MAKE) install-files

install-files:
	@test -x "$(BINARY)" || { echo "install: $(BINARY) is not built (make release)"; exit 1; }
	@test -x "$(GENERATE_MANUAL)" || { echo "install: $(GENERATE_MANUAL) is not built (make release)"; exit 1; }
	install -d "$(DEST)/bin" "$(DEST)/share/man/man1" "$(DEST)/share/reputa" \
	  "$(DEST)/share/bash-completion/completions" "$(DEST)/share/zsh/site-functions" \
	  "$(DEST)/share/fish/vendor_completions.d"
	install -m 755 "$(BINARY)" "$(DEST)/bin/reputa"
	rm -rf "$(DEST)/share/reputa/web" && cp -R Sources/ReputaWeb/web "$(DEST)/share/reputa/web"
	install -m 644 Sources/ReputaAnalysis/Resources/negativity.model "$(DEST)/share/reputa/negativity.model"
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && "$(GENERATE_MANUAL)" "$(BINARY)" -o "$$tmp" >/dev/null && \
	  install -m 644 "$$tmp/reputa.1" "$(DEST)/share/man/man1/reputa.1"
	"$(BINARY)" --generate-completion-script bash > "$(DEST)/share/bash-completion/completions/reputa"
	"$(BINARY)" --generate-completion-script zsh > "$(DEST)/share/zsh/site-functions/_reputa"
	"$(BINARY)" --generate-completion-script fish > "$(DEST)/share/fish/vendor_completions.d/reputa.fish"
	@echo "installed reputa $$("$(BINARY)" --version) under $(DEST)"

uninstall:
	rm -f "$(DEST)/bin/reputa" "$(DEST)/share/man/man1/reputa.1" \
	  "$(DEST)/share/bash-completion/completions/reputa" "$(DEST)/share/zsh/site-functions/_reputa" \
	  "$(DEST)/share/fish/vendor_completions.d/reputa.fish"
	rm -rf "$(DEST)/share/reputa"

clean:
	rm -rf .build .build-fuzz .build-tsan var
