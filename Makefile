# Build, test and check stancer. Every target that runs go on packages runs
# it in each Go module of the repository, listed in MODULES.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c

GO ?= go
# MODULES lists the directories of the repository's Go modules; add a
# nested module's directory here.
MODULES := . cmd/stancer-beam
# FUZZTIME is how long each fuzz target runs.
FUZZTIME ?= 30s

# in_modules runs the shell command $(1) in the directory of every module.
in_modules = for m in $(MODULES); do echo "== module $$m"; (cd "$$m" && $(1)); done

.PHONY: build test bench eval fuzz lint run

build:
	$(GO) build -o bin/stancer ./cmd/stancer

test:
	@$(call in_modules,$(GO) test -race ./...)

bench:
	$(GO) build -o bin/stancer ./cmd/stancer
	$(GO) run ./cmd/stancer-bench -bin bin/stancer -size '$(BENCH_SIZE)'

eval:
	$(GO) run ./cmd/stancer-eval --gold testdata/gold/dev.jsonl --baseline prose --baseline keywords
	STANCER_SLOW=1 $(GO) test -count=1 -v -run TestGoldenRules ./pipeline/segment | grep "golden rules passed"

# fuzz finds the Fuzz targets of every package with go test -list and runs
# each in turn for FUZZTIME.
fuzz:
	@$(call in_modules,$(GO) test -list '^Fuzz' ./... | \
		awk '/^Fuzz/ { names[n++] = $$1; next } /^ok / { for (i = 0; i < n; i++) print $$2 " " names[i] } { n = 0 }' | \
		while read -r pkg name; do \
			echo "== $$pkg $$name"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) "$$pkg"; \
		done)

lint:
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt -l reports:"; echo "$$files"; exit 1; fi
	@$(call in_modules,$(GO) vet ./...)

run:
	$(GO) run ./cmd/stancer testdata/examples/articles.jsonl
