# newsextract: one hand-written Makefile. `make demo` and `make check` are
# the two commands a new machine needs (see README.md).

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/newsextract
MANDIR     ?= $(PREFIX)/share/man/man1
PKG_CONFIG ?= pkg-config
BUILD      ?= build
CFLAGS     ?= -O2 -g
# `make V=1` shows the full compiler commands.
V          ?= 0
Q           = $(if $(filter 1,$(V)),,@)

# Debian packages the build needs (make demo), those only the tests and the
# benchmark add (make check, make bench), and the pkg-config names of the
# libraries among them.
BUILD_DEB_PKGS = gcc make pkg-config libxml2-dev libpcre2-dev libutf8proc-dev \
                 libjansson-dev libarchive-dev zlib1g-dev
TEST_DEB_PKGS  = clang libclang-rt-14-dev valgrind python3 zstd parallel time
PKGS        = libxml-2.0 libpcre2-8 libutf8proc jansson libarchive zlib

NX_CFLAGS   = -std=c11 -D_XOPEN_SOURCE=700 -Wall -Wextra -Werror \
              -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
              -pthread -DNX_RULES_DIR='"$(DATADIR)/rules"' \
              $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
NX_LIBS     = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm -pthread
ifneq ($(SANITIZE),)
NX_CFLAGS  += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
NX_LIBS    += -fsanitize=$(SANITIZE)
endif

SRCS := $(wildcard extractor/*.c)
OBJS := $(patsubst extractor/%.c,$(BUILD)/%.o,$(SRCS))
LIB_OBJS := $(filter-out $(BUILD)/main.o,$(OBJS))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(FUZZ_SRCS))
REPLAY_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRCS))
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: FORCE all deps test-deps demo check unit replay golden install uninstall clean format lint catalogue fuzz bench

all: $(BUILD)/newsextract

$(BUILD)/newsextract: $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(NX_LIBS) $(LDLIBS)

$(BUILD)/%.o: extractor/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(NX_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) tests/unit/harness.h tests/unit/testlist.h tests/unit/testrules.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(NX_CFLAGS) $(CFLAGS) -Iextractor -o $@ $< $(LIB_OBJS) $(NX_LIBS)

# Fuzz targets built as replay programs (gcc, -DSTANDALONE): `make check`
# runs each over its seed corpus and every past crash.
$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIB_OBJS) tests/fuzz/replay.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(NX_CFLAGS) $(CFLAGS) -DSTANDALONE -Iextractor -o $@ $< $(LIB_OBJS) $(NX_LIBS)

# main.c compiles in where the installed rules live: rebuild it when
# PREFIX or DATADIR changes (`make install PREFIX=/opt/nx` after `make`).
$(BUILD)/datadir.txt: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(BUILD)/main.o: $(BUILD)/datadir.txt
FORCE:

-include $(OBJS:.o=.d)

# Installs what is missing: as root with apt-get, otherwise prints the
# command and stops. `deps` is what building needs; `test-deps` adds what
# the tests and the benchmark run (clang, valgrind, python3, ...).
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
	    || { echo "deps: apt-get failed" >&2; exit 1; }; \
	else \
	  echo "deps: missing Debian packages. Run as root:" >&2; \
	  echo "  apt-get install -y$$missing" >&2; exit 1; \
	fi
endef

deps:
	$(call install_missing,$(BUILD_DEB_PKGS))

test-deps:
	$(call install_missing,$(BUILD_DEB_PKGS) $(TEST_DEB_PKGS))

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== $(BUILD)/newsextract --pretty corpus/wire-brief.html"
	@$(BUILD)/newsextract --pretty corpus/wire-brief.html

# Every suite on the normal build, then the unit, rule, golden, error and
# fuzz-replay suites again on an ASan+UBSan build, the worker threads on a
# ThreadSanitizer build, and the golden corpus under valgrind
# (tests/run.sh). A clang build first: -Werror makes any of its warnings
# a failure.
# The four builds compile on every core unless make was given its own -j
# (CI runs a bare `make check`, whose four builds compiled one file at a time).
CHECK_JOBS := $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 1))
check: test-deps
	@$(MAKE) --no-print-directory $(CHECK_JOBS) CC=clang BUILD=build-clang all unit
	@$(MAKE) --no-print-directory $(CHECK_JOBS) all unit replay
	@$(MAKE) --no-print-directory $(CHECK_JOBS) BUILD=build-asan SANITIZE=address,undefined all unit replay
	@$(MAKE) --no-print-directory $(CHECK_JOBS) BUILD=build-tsan SANITIZE=thread all
	@BUILD=$(BUILD) ASAN_BUILD=build-asan TSAN_BUILD=build-tsan tests/run.sh

unit: $(UNIT_BINS)

replay: $(REPLAY_BINS)

# libFuzzer with clang: every target for FUZZ_SECONDS each. New inputs go
# to $(FUZZ_BUILD)/corpus/NAME (seeded from tests/fuzz/corpus/NAME);
# crashes to tests/fuzz/crashes/NAME/, where `make check` replays them.
fuzz: test-deps
	@$(MAKE) --no-print-directory CC=clang BUILD=$(FUZZ_BUILD) \
	  SANITIZE=address,undefined CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" \
	  $(patsubst %,$(FUZZ_BUILD)/libfuzzer/fuzz_%,$(FUZZ_NAMES))
	@for t in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t tests/fuzz/crashes/$$t; \
	  cp -n tests/fuzz/corpus/$$t/* $(FUZZ_BUILD)/corpus/$$t/ 2>/dev/null; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/libfuzzer/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=2048 -timeout=10 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=tests/fuzz/crashes/$$t/ $(FUZZ_BUILD)/corpus/$$t \
	    2>&1 | grep -E '^(#[0-9]+.*DONE|stat::|==[0-9]+==|SUMMARY|Done)' || true; \
	done

$(FUZZ_BUILD)/libfuzzer/%: tests/fuzz/%.c $(LIB_OBJS) tests/fuzz/replay.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(NX_CFLAGS) -O1 -g -fsanitize=fuzzer -Iextractor -o $@ $< $(LIB_OBJS) $(NX_LIBS)

# Regenerates the golden outputs of corpus/ for review ("if it changes,
# look at the diff"); nobody edits them by hand.
golden: all
	@for f in corpus/*.html corpus/*.txt; do \
	  $(BUILD)/newsextract --pretty "$$f" > "$${f%.*}.expected.json"; done
	@git --no-pager diff --stat -- corpus/ 2>/dev/null || true

# Prints throughput and peak memory against the libxml2-parse floor
# (tests/bench/bench.sh); never a pass or a fail. Data goes to $(BUILD)/bench.
bench: test-deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench/parse_floor
	@BUILD=$(BUILD) tests/bench/bench.sh

$(BUILD)/bench/parse_floor: tests/bench/parse_floor.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(NX_CFLAGS) $(CFLAGS) -o $@ $< $(NX_LIBS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules/lists $(DESTDIR)$(MANDIR)
	install -m 755 $(BUILD)/newsextract $(DESTDIR)$(BINDIR)/newsextract
	install -m 644 rules/*.rules rules/README.md $(DESTDIR)$(DATADIR)/rules/
	install -m 644 rules/lists/*.list $(DESTDIR)$(DATADIR)/rules/lists/
	install -m 644 extractor/newsextract.1 $(DESTDIR)$(MANDIR)/newsextract.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/newsextract $(DESTDIR)$(MANDIR)/newsextract.1
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i extractor/*.c extractor/*.h tests/unit/*.c tests/unit/*.h

# rules/README.md ends with the built-in rules' catalogue (--list-rules);
# tests/cli/rule-catalogue.sh fails until it is rewritten after a change.
catalogue: all
	$(BUILD)/newsextract --list-rules >$(BUILD)/catalogue.md
	awk -v f=$(BUILD)/catalogue.md '/^<!-- \/catalogue -->/ { while ((getline l <f) > 0) print l; skip = 0 } \
	  !skip { print } /^<!-- catalogue: / { skip = 1 }' rules/README.md >$(BUILD)/README.md.new
	mv $(BUILD)/README.md.new rules/README.md

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --std=c11 -Iextractor extractor/

clean:
	rm -rf $(BUILD) build-asan build-tsan build-clang $(FUZZ_BUILD)
