# newsextract: one hand-written Makefile. `make demo` and `make check` are
# the two commands a new machine needs (see README.md).

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/newsextract
MANDIR     ?= $(PREFIX)/share/man/man1
PKG_CONFIG ?= pkg-config
BUILD      ?= build
CFLAGS     ?= -O2 -g

# Debian packages the build and the tests need, and the pkg-config names
# of the libraries among them.
DEB_PKGS    = gcc make pkg-config libxml2-dev libpcre2-dev libutf8proc-dev \
              libjansson-dev libarchive-dev zlib1g-dev python3 zstd parallel
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

.PHONY: all deps demo check test golden install uninstall clean format lint

all: $(BUILD)/newsextract

$(BUILD)/newsextract: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(NX_LIBS) $(LDLIBS)

$(BUILD)/%.o: extractor/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(NX_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) tests/unit/harness.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(NX_CFLAGS) $(CFLAGS) -Iextractor -o $@ $< $(LIB_OBJS) $(NX_LIBS)

-include $(OBJS:.o=.d)

# Installs what is missing: as root with apt-get, otherwise prints the
# command and stops.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
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

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== $(BUILD)/newsextract --pretty corpus/wire-brief.html"
	@$(BUILD)/newsextract --pretty corpus/wire-brief.html

check: deps
	@$(MAKE) --no-print-directory all unit
	@BUILD=$(BUILD) tests/run.sh

unit: $(UNIT_BINS)

# Regenerates the golden outputs of corpus/ for review ("if it changes,
# look at the diff"); nobody edits them by hand.
golden: all
	@for f in corpus/*.html corpus/*.txt; do \
	  $(BUILD)/newsextract --pretty "$$f" > "$${f%.*}.expected.json"; done
	@git --no-pager diff --stat -- corpus/ 2>/dev/null || true

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

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --std=c11 -Iextractor extractor/

clean:
	rm -rf $(BUILD) build-asan build-clang
