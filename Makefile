# fundsim - what a package of industrial subsidies will cost.
# make deps | make | make check | make asan | make check-portable (make deps-portable) |
# make leakcheck | make bench (make deps-bench) | make docs-shots (make deps-docs) |
# make format | make golden | make pot | make po (the Chinese catalogue: po/README.md)

CC ?= cc
BUILD ?= build
OPT ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wshadow -Wmissing-prototypes -Wno-format-truncation
# clang's builds (make fuzz, make check-portable): it knows no -Wformat-truncation
CLANG_WARN = $(filter-out -Wno-format-truncation,$(WARN))
PKGS = gsl xlsxwriter sleef libmicrohttpd
# Sources in one folder per stage of the pipeline (README: Development);
# the library (libfundsim.a) holds no command-line code (src/cli).
STAGES = policy inputs rules sim stats outputs util
CPPFLAGS += -Iinclude $(addprefix -Isrc/,$(STAGES) cli serve) -D_XOPEN_SOURCE=700
# Where the catalogue is when it is not beside the program (i18n.c): the unit tests.
CPPFLAGS += -DFUNDSIM_LOCALEDIR='"$(CURDIR)/locale"'
CFLAGS += $(OPT) $(WARN) -fopenmp -MMD -MP $(SANFLAGS)
LDLIBS += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm -fopenmp $(SANFLAGS)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

# libxlsxwriter-dev writes results.xlsx; python3-openpyxl reads it back in make check;
# librandom123-dev (Philox, header only) and libsleef-dev (vector exp and log) make
# the batched streams (stream.h). gettext makes the Chinese catalogue (xgettext,
# msgfmt); libc-l10n has libc's own messages (strerror) in Chinese. No locale needs
# generating: i18n.c uses C.UTF-8. libmicrohttpd-dev serves `fundsim serve`; its browser
# test drives Debian's chromium with python3-selenium and chromium-driver, curl its API.
DEBS = libgsl-dev libcsv-dev check pkg-config gnuplot-nox fonts-noto-cjk valgrind xlsx2csv \
	libxlsxwriter-dev python3-openpyxl librandom123-dev libsleef-dev gettext libc-l10n \
	libmicrohttpd-dev curl chromium chromium-driver python3-selenium

# make MPI=1: the same code built with mpicc into bin/fundsim-mpi
# (comm_mpi.c registers MPI's world); the plain build stays MPI-free.
ifeq ($(MPI),1)
CC = mpicc
BUILD = build-mpi
CPPFLAGS += -DFUNDSIM_MPI
DEBS += libopenmpi-dev openmpi-bin
BIN = bin/fundsim-mpi
else
BIN = bin/fundsim
endif

# make DUMMY_LINE=1: the same code with one more award line (lines.def's
# MZZ row) in its own folder, for check-dummy-line.
ifeq ($(DUMMY_LINE),1)
BUILD = build-dummy
CPPFLAGS += -DFUNDSIM_DUMMY_LINE
endif

LIB_SRC = $(foreach d,$(STAGES),$(wildcard src/$(d)/*.c))
# src/serve (`fundsim serve`, its HTTP server and page) is command-line code too.
CLI_SRC = $(filter-out src/cli/main.c,$(wildcard src/cli/*.c)) $(wildcard src/serve/*.c)
GEN_SRC = $(BUILD)/builtin_scenario.c $(BUILD)/chart_scripts.c $(BUILD)/version.c
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(GEN_SRC:.c=.o)
CLI_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/serve_assets.o
LIBS_A = $(BUILD)/libfundsim-cli.a $(BUILD)/libfundsim.a
TEST_SRC = $(wildcard tests/check_*.c)
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

# The Chinese catalogue (i18n.h): po/zh_CN.po compiled to where fundsim looks for it,
# bin/../locale (for any build folder's program: build-asan/../locale too).
MO = locale/zh_CN/LC_MESSAGES/fundsim.mo

all: $(BIN) $(MO)

$(MO): po/zh_CN.po
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# make pot: every _() N_() L_() ngettext() text of the sources into po/fundsim.pot;
# make po: and merged into po/zh_CN.po, where the new ones wait for their Chinese.
POT_SRC = $(sort $(wildcard src/*/*.c src/*/*.h src/*/*.def src/*/*.inc include/*.h \
	include/*.def))
XGETTEXT = xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=L_:2 --keyword=NL_:2,3 --keyword=ngettext:1,2 --keyword=reason_fmt --keyword=AWARD:6 \
	--flag=reason_fmt:1:c-format --flag=AWARD:6:c-format --flag=pgettext:2:no-c-format \
	--add-comments=TRANSLATORS: --sort-output \
	--add-location=file --package-name=fundsim --msgid-bugs-address=issues --no-wrap
# The parameter table's meanings are built by the macros of lines.def, one row a line
# ("share of " what, "share of " #id " awards claimed"): whole sentences only in the
# preprocessed table, which xgettext reads too (I18N_EXTRACT keeps N_ there, i18n.h).
# Its texts are cited as src/policy/params.c.
POT_GEN = $(BUILD)/po/params.c
$(BUILD)/po/params.c: src/policy/params.c $(wildcard src/policy/*.inc include/*.def include/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DI18N_EXTRACT -E -P -o $@ src/policy/params.c
# The built-in scenario's comments (the reasons for its values, scenario_comment), as
# pgettext calls for xgettext: cited as scenarios/suzhou-draft.ini.
POT_COMMENTS = $(BUILD)/po/comments.c
$(POT_COMMENTS): $(BUILD)/tools/comments_pot
	@mkdir -p $(@D)
	$(BUILD)/tools/comments_pot > $@.tmp && mv $@.tmp $@
$(BUILD)/tools/comments_pot: tools/comments_pot.c $(LIBS_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBS_A) $(LDLIBS)
POT_GEN += $(POT_COMMENTS)
# (no creation date: the file changes only when a text does)
pot: $(POT_GEN)
	@echo "xgettext -o po/fundsim.pot (the sources)"
	@$(XGETTEXT) -o po/fundsim.pot $(POT_SRC) $(POT_GEN)
	@sed -i -e '/^"POT-Creation-Date:/d' -e 's|^#: $(BUILD)/po/params.c$$|#: src/policy/params.c|' \
	  -e 's|^\(#:.*\) $(BUILD)/po/params.c|\1|' \
	  -e 's|^#: $(POT_COMMENTS)$$|#: scenarios/suzhou-draft.ini|' \
	  -e 's|^\(#:.*\) $(POT_COMMENTS)|\1|' po/fundsim.pot

po: pot
	msgmerge --quiet --update --backup=none --no-fuzzy-matching --sort-output \
	  --add-location=file --no-wrap po/zh_CN.po po/fundsim.pot

$(BIN): $(BUILD)/cli/main.o $(LIBS_A)
	@mkdir -p $(@D)
	$(CC) -o $@ $^ $(LDLIBS)

$(BUILD)/libfundsim.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/libfundsim-cli.a: $(CLI_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# The Philox rounds over arrays vectorise at -O3 (gcc's -O2 leaves them
# scalar): twice the speed, the same bits. Box-Muller's sqrt vectorises
# only without errno (its argument is never negative; IEEE sqrt is exact
# either way).
$(BUILD)/sim/stream.o: CFLAGS += -O3 -fno-math-errno

# Generated sources, each a Make prerequisite of the script that writes it (as SQLite's
# mkopcodeh.tcl), so a change to the script or to any input regenerates it. Each script
# writes its file only when the text changes.
#
# The version (VERSION) and git revision, for the manifests, the report and --version. The
# script runs at every make (FORCE: HEAD, its branch, packed-refs or a worktree may move) and
# costs a `git rev-parse` and a `git diff`; nothing rebuilds unless the revision moved.
$(BUILD)/version.c: tools/version.sh VERSION FORCE
	@mkdir -p $(@D)
	@sh tools/version.sh $@

# The default scenario is compiled in, so fundsim runs from any folder; so are the chart
# scripts (charts.h: plots/NAME.gp is CHART_NAME's, "_chart" dropped, copied beside its CSV).
CHART_GP = $(sort $(wildcard plots/*.gp))
$(BUILD)/builtin_scenario.c: tools/embed.sh scenarios/suzhou-draft.ini
	@mkdir -p $(@D)
	sh tools/embed.sh scenario $@ scenarios/suzhou-draft.ini

$(BUILD)/chart_scripts.c: tools/embed.sh $(CHART_GP)
	@mkdir -p $(@D)
	sh tools/embed.sh charts $@ $(CHART_GP)

# The page of `fundsim serve` and Apache ECharts (npm, installed by make deps into
# tools/npm/node_modules from the committed package-lock.json): nothing is fetched at run time.
ECHARTS = tools/npm/node_modules/echarts/dist/echarts.min.js
SERVE_ASSETS = src/serve/page.html src/serve/page.js src/serve/page.css $(ECHARTS)
$(BUILD)/serve_assets.c: tools/embed.sh $(SERVE_ASSETS)
	@mkdir -p $(@D)
	sh tools/embed.sh assets $@ $(SERVE_ASSETS)

$(ECHARTS):
	@echo "$@ is missing: make deps installs it (npm ci in tools/npm)" >&2; exit 1

$(BUILD)/%.o: $(BUILD)/%.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/tests/%: tests/%.c $(LIBS_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBS_A) $(CHECK_LIBS) $(LDLIBS)

# The out-of-memory tests fail fundsim's allocations one by one.
$(BUILD)/tests/check_oom: LDLIBS += -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

# The tests expect English unless they ask for Chinese (tests/i18n.sh), whatever the
# developer's locale (LANGUAGE comes first, i18n.c).
check check-with check-i18n leakcheck: export LANGUAGE = en

# Unit tests (Check), then the end-to-end cases under tests/e2e; results.xlsx is read back
# with python3-openpyxl (tests/workbook.sh).
check: bin/fundsim $(MO) $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do $$t; done
	@$(MAKE) --no-print-directory check-i18n
	@$(MAKE) --no-print-directory check-replay
	@sh tests/e2e.sh bin/fundsim
	@sh tests/inputs.sh bin/fundsim
	@sh tests/interrupt.sh bin/fundsim
	@sh tests/determinism.sh bin/fundsim
	@sh tests/reuse.sh bin/fundsim
	@$(MAKE) --no-print-directory check-dummy-line
	@sh tests/hostile.sh bin/fundsim
	@sh tests/golden.sh bin/fundsim
	@FUNDSIM_NO_AVX512=1 $(BUILD)/tests/check_stream
	@FUNDSIM_NO_AVX512=1 sh tests/golden.sh bin/fundsim
	@sh tests/workbook.sh bin/fundsim
	@sh tests/serve.sh bin/fundsim
	@sh tests/serve_browser.sh bin/fundsim

# Every command in Chinese, the catalogue complete (tests/i18n.sh).
check-i18n: bin/fundsim $(MO) $(POT_GEN)
	@XGETTEXT="$(XGETTEXT)" sh tests/i18n.sh bin/fundsim $(POT_SRC) $(POT_GEN)

# The golden run (tests/golden.sh): summary.csv and by_year.csv of run --reps 300 --seed 11,
# byte for byte. When a change moves the numbers on purpose: make golden, review
# git diff tests/golden, say why in the commit.
golden: bin/fundsim
	@sh tests/golden.sh bin/fundsim --update

# Stable streams: adding a line changes no other line's draws. The normal
# build and the DUMMY_LINE=1 build (a line more, mid-registry) must agree
# bit for bit on every other line of every replication.
check-dummy-line: $(BUILD)/line_draws
	@$(MAKE) --no-print-directory DUMMY_LINE=1 build-dummy/line_draws
	@sh tests/dummy_line.sh $(BUILD)/line_draws build-dummy/line_draws

$(BUILD)/line_draws: tests/line_draws.c $(BUILD)/libfundsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libfundsim.a $(LDLIBS)

# AddressSanitizer + UBSan over the whole suite, in its own build folder.
asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  FUNDSIM=build-asan/fundsim check-with

# valgrind over every unit test and the e2e cases (no fork: valgrind sees all).
leakcheck: bin/fundsim $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do \
	  CK_FORK=no valgrind -q --error-exitcode=1 --leak-check=full $$t; done
	@VALGRIND="valgrind -q --error-exitcode=1 --leak-check=full" sh tests/e2e.sh bin/fundsim

check-with: $(FUNDSIM) $(MO) $(TEST_BIN) $(POT_GEN)
	@set -e; for t in $(TEST_BIN); do $$t; done
	@XGETTEXT="$(XGETTEXT)" sh tests/i18n.sh $(FUNDSIM) $(POT_SRC) $(POT_GEN)
	@sh tests/e2e.sh $(FUNDSIM)
	@sh tests/inputs.sh $(FUNDSIM)
	@sh tests/interrupt.sh $(FUNDSIM)
	@sh tests/determinism.sh $(FUNDSIM)
	@sh tests/hostile.sh $(FUNDSIM)
	@sh tests/golden.sh $(FUNDSIM)
	@FUNDSIM_NO_AVX512=1 $(BUILD)/tests/check_stream
	@sh tests/workbook.sh $(FUNDSIM)
	@sh tests/serve.sh $(FUNDSIM)

$(BUILD)/fundsim: $(BUILD)/cli/main.o $(LIBS_A)
	$(CC) -o $@ $^ $(LDLIBS)

# Benchmarks print ratios from one run (never timed tests). bench/ holds the
# yardsticks: a NumPy model of the default scenario (make deps-bench: numpy),
# checked against fundsim's means before it is timed.
PY ?= /usr/bin/python3
BENCH_DEBS = python3-numpy

bench: bin/fundsim $(BUILD)/bench_sim $(BUILD)/bench_floor $(BUILD)/bench_reuse $(BUILD)/bench_rules
	@$(PY) -c 'import numpy' 2> /dev/null || \
	  { echo "make bench needs NumPy for its yardstick: make deps-bench (python3-numpy)"; exit 2; }
	@sh tests/bench.sh bin/fundsim
	@$(BUILD)/bench_sim 10000
	@$(PY) bench/check_means.py bin/fundsim 2000 || \
	  echo "model check FAILED: the NumPy model no longer follows fundsim; its ratio is not a fair one"
	@$(PY) bench/compare.py $(BUILD)/bench_sim $(BUILD)/bench_floor $(BUILD)/bench_rules 2000 9
	@$(BUILD)/bench_sim --serial 5000
	@sh tests/bench_reuse.sh bin/fundsim 100
	@$(BUILD)/bench_reuse 1000
	@$(BUILD)/bench_rules 2000

# The floor counts the engine's draws with its own stream.o, built with
# STREAM_COUNT: linked before the library, it stands for the library's.
$(BUILD)/bench/stream_count.o: src/sim/stream.c include/stream.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O3 -fno-math-errno -DSTREAM_COUNT -c -o $@ $<

$(BUILD)/bench_floor: bench/floor.c $(BUILD)/bench/stream_count.o $(BUILD)/libfundsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/bench/stream_count.o $(BUILD)/libfundsim.a \
	  $(LDLIBS)

deps-bench:
	@$(MAKE) --no-print-directory deps DEBS="$(BENCH_DEBS)"

# The workbook as LibreOffice prints it, for the screenshots in docs/ (make docs-shots,
# tests/workbook_shots.sh): LibreOffice Calc without its GUI, pdftoppm (poppler-utils) and
# the CJK font the charts use. Not part of deps: CI never renders the workbook.
DOCS_DEBS = libreoffice-calc-nogui poppler-utils fonts-noto-cjk
SHOTS ?= out/workbook-shots

deps-docs:
	@$(MAKE) --no-print-directory deps DEBS="$(DOCS_DEBS)"

# Every page of the default run's workbook in Chinese as PNG in SHOTS, and the two crops
# README shows copied into docs/ (tests/workbook_shots.sh).
docs-shots: bin/fundsim $(MO)
	@sh tests/workbook_shots.sh bin/fundsim $(SHOTS) docs

$(BUILD)/bench_sim: tests/bench_sim.c $(BUILD)/libfundsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libfundsim.a $(LDLIBS)

$(BUILD)/bench_reuse: tests/bench_reuse.c $(BUILD)/libfundsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libfundsim.a $(LDLIBS)

$(BUILD)/bench_rules: tests/bench_rules.c $(BUILD)/libfundsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libfundsim.a $(LDLIBS)

# Installs the Debian packages fundsim needs; does nothing when present.
deps:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "deps: all present"; fi
	@$(MAKE) --no-print-directory deps-npm

# npm (Debian's, unless node already brings one) and the page's JavaScript, as locked.
deps-npm:
	@if ! command -v npm > /dev/null; then \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm; fi
	@if [ -f $(ECHARTS) ] && cmp -s tools/npm/package-lock.json \
	  tools/npm/node_modules/.fundsim-lock 2> /dev/null; then echo "deps-npm: all present"; \
	else cd tools/npm && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.fundsim-lock; fi

# libFuzzer (clang) over the number parsers, the scenario reader and the
# CSV loaders: `make deps-fuzz` once, then `make fuzz` (FUZZ_SECONDS per
# harness). Seeds are scenarios/ and tests/data/, and a minimized corpus
# lives in tests/fuzz/corpus/NAME (read only); new inputs go to
# build-fuzz/corpus/NAME, crashes to build-fuzz/crash-NAME-*. Inputs are
# cut to a few KB when merged, to keep the committed corpus small:
# `make fuzz-merge` folds the new inputs into it, minimized.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZERS = amount scenario panel entities cli
FUZZ_DEBS = clang libclang-rt-14-dev libomp-dev
FUZZ_FLAGS = -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
fuzz_len = case $(1) in amount) echo 256;; scenario) echo 20000;; cli) echo 1024;; *) echo 4096;; esac
fuzz_merge_len = case $(1) in amount|cli) echo 256;; scenario) echo 2048;; *) echo 1024;; esac
fuzz_seeds = case $(1) in scenario) echo scenarios tests/data/bad;; amount|cli) ;; *) echo tests/data;; esac

# Every harness built without libFuzzer (tests/fuzz/replay.c) replays its kept corpus and
# seeds in make check: a harness whose checks fall behind the code fails there, not first
# in make fuzz (fuzz_entities stopped on a seed for a session so).
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h $(LIBS_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIBS_A) $(LDLIBS)

check-replay: $(FUZZERS:%=$(BUILD)/tests/replay_%)
	@set -e; for h in $(FUZZERS); do \
	  $(BUILD)/tests/replay_$$h tests/fuzz/corpus/$$h $$($(call fuzz_seeds,$$h)); done

fuzz: fuzz-build
	@set -e; for h in $(FUZZERS); do \
	  mkdir -p build-fuzz/corpus/$$h; \
	  dict=; [ -f tests/fuzz/$$h.dict ] && dict=-dict=tests/fuzz/$$h.dict; \
	  echo "fuzz_$$h: $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz_$$h $(FUZZ_FLAGS) $$dict -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=$$($(call fuzz_len,$$h)) -artifact_prefix=build-fuzz/crash-$$h- \
	    build-fuzz/corpus/$$h tests/fuzz/corpus/$$h $$($(call fuzz_seeds,$$h)); \
	done

fuzz-merge: fuzz-build
	@set -e; for h in $(FUZZERS); do \
	  rm -rf build-fuzz/merged-$$h; mkdir -p build-fuzz/merged-$$h build-fuzz/corpus/$$h; \
	  build-fuzz/fuzz_$$h -merge=1 -max_len=$$($(call fuzz_merge_len,$$h)) \
	    build-fuzz/merged-$$h tests/fuzz/corpus/$$h build-fuzz/corpus/$$h; \
	  rm -rf tests/fuzz/corpus/$$h; mv build-fuzz/merged-$$h tests/fuzz/corpus/$$h; \
	done

fuzz-build:
	$(MAKE) BUILD=build-fuzz CC=$(FUZZ_CC) OPT="-O1 -g -fno-omit-frame-pointer" \
	  WARN="$(CLANG_WARN)" \
	  SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  $(FUZZERS:%=build-fuzz/fuzz_%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(LIBS_A)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIBS_A) $(LDLIBS)

# clang's libFuzzer runtime; not part of deps (CI does not fuzz).
deps-fuzz:
	@$(MAKE) --no-print-directory deps DEBS="$(FUZZ_DEBS)"

# The paths gcc on x86-64 never takes: stream.c's scalar Philox rounds and SLEEF's SSE2
# pairs (another compiler), and its plain C (another architecture: here without SSE2).
# Each built with clang, warnings as errors, must give check_stream and the golden run's
# bytes. A slip on them once broke every build but gcc's unseen. In CI (.ci/run), not in
# make check: it needs clang (make deps-portable).
PORTABLE_DEBS = clang libomp-dev
PORTABLE = $(MAKE) --no-print-directory CC=clang \
	WARN="$(CLANG_WARN) -Werror"
check-portable:
	+@$(PORTABLE) BUILD=build-clang build-clang/fundsim build-clang/tests/check_stream
	+@$(PORTABLE) BUILD=build-plain OPT="$(OPT) -U__SSE2__" build-plain/fundsim \
	  build-plain/tests/check_stream
	@set -e; for b in build-clang build-plain; do \
	  echo "$$b:"; $$b/tests/check_stream; sh tests/golden.sh $$b/fundsim; done

deps-portable:
	@$(MAKE) --no-print-directory deps DEBS="$(PORTABLE_DEBS)"

# make MPI=1 check-mpi: byte-identical outputs for -np 1, 2 and 3 against
# the plain binary (tests/mpi.sh).
check-mpi: $(BIN)
	$(MAKE) MPI= bin/fundsim
	sh tests/mpi.sh bin/fundsim $(BIN)

bench-mpi: $(BIN)
	sh tests/mpi.sh bin/fundsim $(BIN) bench

# The style is .clang-format (today's code, tabs of 8, 100 columns), for clang-format 14:
# other versions format differently. `make format` rewrites the sources in place;
# `make format-check` changes nothing and fails on any line that format would change.
# Generated sources (in the build folders) are not formatted.
CLANG_FORMAT ?= clang-format-14
FORMAT_SRC = $(wildcard src/*/*.c src/*/*.h include/*.h tests/*.c tests/*.h bench/*.c tests/fuzz/*.c \
	tests/fuzz/*.h)
FORMAT_DEBS = clang-format-14

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check:
	@$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC) || \
	  { echo "format-check: run make format (clang-format 14, .clang-format)"; exit 1; }

deps-format:
	@$(MAKE) --no-print-directory deps DEBS="$(FORMAT_DEBS)"

# Every build folder (build, build-asan, build-fuzz, build-mpi, build-dummy and any other
# build-*) and bin/. Results in out/ are not build products: they stay.
clean:
	rm -rf build build-* bin locale

FORCE:

.PHONY: FORCE all deps-npm pot po check-i18n check-replay check-mpi bench-mpi check check-dummy-line asan leakcheck check-with golden bench deps-bench deps-docs docs-shots deps format format-check deps-format clean fuzz fuzz-build fuzz-merge \
	deps-fuzz check-portable deps-portable

-include $(wildcard $(BUILD)/*.d $(BUILD)/*/*.d $(BUILD)/tests/*.d)
