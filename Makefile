# mlptrain — see README.md.  `make run` and `make check` are the two entry points.

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
# -ffp-contract=off: the data stage must match numpy bit for bit (no FMA).
# Never -ffast-math: it breaks isnan/isfinite and the bit-exact data stage.
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     ?= -Wall -Wextra -Werror
# MARCH: extra target flags for every file, e.g. `make MARCH=-march=native`
# (results stay the same: no FMA contraction).  Default: the distribution's
# baseline, so the binary runs on any x86-64.
MARCH    ?=
# DISPATCH=1: also build the kernels with -mavx2 and with AVX-512F+VL, and pick
# at run time the best one the CPU has (same bits as the baseline build).
# Default on x86-64.
DISPATCH ?= $(if $(filter x86_64,$(shell uname -m)),1,0)
# -Wno-psabi: GCC notes that 32-byte vectors passed by value changed ABI in
# GCC 4.6; ours (src/vec.h) only pass between always-inline helpers.
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) -Wno-psabi -ffp-contract=off -fno-math-errno -MMD -MP $(MARCH) $(CFLAGS)
ifeq ($(DISPATCH),0)
ALL_CFLAGS += -DMLP_NO_DISPATCH
endif
# BLAS: which CBLAS GSL's BLAS interface links against.
#   gsl       GSL's own libgslcblas; our kernels run every layer (default)
#   openblas  Debian's OpenBLAS (libopenblas-dev); layers of >= 16384 weights
#             (e.g. 128 x 128) go to cblas_dgemm, the rest to our kernels
#   blis      Debian's BLIS (libblis-dev), likewise
# A BLAS build rounds those layers' sums differently (FMA, blocking): its
# histories differ from the default build's in the last bits.
BLAS     ?= gsl
ifeq ($(BLAS),gsl)
BLAS_LIB  = -lgslcblas
BLAS_PKG  =
else ifeq ($(BLAS),openblas)
BLAS_LIB  = -lopenblas
BLAS_PKG  = libopenblas-dev
else ifeq ($(BLAS),blis)
BLAS_LIB  = -lblis
BLAS_PKG  = libblis-dev
else
$(error BLAS=$(BLAS): unknown (allowed gsl, openblas, blis))
endif
ifneq ($(BLAS),gsl)
ALL_CFLAGS += -DMLP_BLAS -DMLP_BLAS_NAME='"$(BLAS)"'
endif
LDLIBS   = -lgsl $(BLAS_LIB) -lm -pthread
# LINK: how mlptrain and circles are linked (the tests always link shared).
#   static   self-contained binaries, from the static archives that libc6-dev
#            and libgsl-dev ship: no dynamic loader, fewer page faults; the
#            article's run takes 1 ms less of its 26 (default with BLAS=gsl)
#   dynamic  against the shared libraries (default with another BLAS, and
#            with -fsanitize in CFLAGS or MARCH: sanitizers need it)
LINK     ?= $(if $(findstring -fsanitize,$(CFLAGS) $(MARCH)),dynamic,$(if $(filter gsl,$(BLAS)),static,dynamic))
ifeq ($(LINK),static)
LINK_FLAGS = -static
else ifeq ($(LINK),dynamic)
LINK_FLAGS =
else
$(error LINK=$(LINK): unknown (allowed static, dynamic))
endif

BUILD    ?= build
# where the binaries go; the sanitizer build puts its own in build-asan/root
BIN      ?= .
# Everything is rebuilt when the build configuration changes.
BUILD_CONFIG := BLAS=$(BLAS) DISPATCH=$(DISPATCH) MARCH=$(MARCH) LINK=$(LINK) CC=$(CC) CFLAGS=$(CFLAGS)
$(shell mkdir -p $(BUILD) && (echo '$(BUILD_CONFIG)' | cmp -s - $(BUILD)/config || echo '$(BUILD_CONFIG)' > $(BUILD)/config))
# $(BIN)/mlptrain and circles are relinked when they come from another BUILD
$(shell mkdir -p $(BIN) && (echo '$(BUILD) $(BUILD_CONFIG)' | cmp -s - $(BIN)/.build-stamp || echo '$(BUILD) $(BUILD_CONFIG)' > $(BIN)/.build-stamp))
LIB_SRC  = $(filter-out src/mlptrain.c src/circles_main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
ifeq ($(DISPATCH),1)
LIB_OBJ += $(BUILD)/kern_simd_avx2.o $(BUILD)/kern_simd_avx512.o
endif
TESTS    = $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/test_*.c))

.PHONY: all run check test deps clean install bench check-asan check-valgrind fuzz fuzz-build
all: deps $(BIN)/mlptrain $(BIN)/circles

deps: $(BUILD)/.deps-ok
$(BUILD)/.deps-ok: scripts/install-deps.sh $(BUILD)/config
	@sh scripts/install-deps.sh $(BLAS_PKG)
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: src/%.c $(BUILD)/config | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# the second and third builds of the kernels (see src/kern.c)
$(BUILD)/kern_simd_avx2.o: src/kern_simd.c $(BUILD)/config | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -mavx2 -DKERN_AVX2 -c -o $@ $<

$(BUILD)/kern_simd_avx512.o: src/kern_simd.c $(BUILD)/config | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -mavx2 -mavx512f -mavx512vl -DKERN_AVX512 -c -o $@ $<

$(BUILD)/libmlp.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BIN)/mlptrain: $(BUILD)/mlptrain.o $(BUILD)/libmlp.a $(BIN)/.build-stamp
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LINK_FLAGS) -o $@ $(BUILD)/mlptrain.o $(BUILD)/libmlp.a $(LDLIBS)

$(BIN)/circles: $(BUILD)/circles_main.o $(BUILD)/libmlp.a $(BIN)/.build-stamp
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LINK_FLAGS) -o $@ $(BUILD)/circles_main.o $(BUILD)/libmlp.a $(LDLIBS)

$(BUILD)/test_%: tests/test_%.c tests/check.h $(BUILD)/libmlp.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libmlp.a $(LDLIBS)

# The article's main job: relu6, 11 hidden layers of 5, 500 epochs, seed 1.
run: all
	./mlptrain --act relu6 --layers 11 --epochs 500

# `make bench`: the benchmark (not part of `make check`; see bench/bench.sh).
# The bench binary links OpenBLAS when it is installed, to compare our
# kernels with an optimized dgemm, whatever BLAS mlptrain itself uses.
ifeq ($(BLAS),gsl)
BENCH_BLAS_LIB := $(shell pkg-config --exists openblas 2>/dev/null && echo -lopenblas || echo -lgslcblas)
else
BENCH_BLAS_LIB := $(BLAS_LIB)
endif
$(BUILD)/bench: bench/bench.c $(BUILD)/libmlp.a
	$(CC) $(ALL_CFLAGS) -Isrc -DBENCH_BLAS='"$(patsubst -l%,%,$(BENCH_BLAS_LIB))"' -o $@ $< $(BUILD)/libmlp.a -lgsl $(BENCH_BLAS_LIB) -lm

bench: all $(BUILD)/bench
	@BUILD=$(BUILD) sh bench/bench.sh

SHELL_TESTS = $(wildcard tests/t_*.sh)

# The plain suite, then the same suite under ASan + UBSan, then Valgrind on
# real runs; the last line adds the three up.
check: all $(TESTS)
	@sh tests/run-tests.sh $(BUILD) $(TESTS) $(SHELL_TESTS)
	@$(MAKE) --no-print-directory check-asan
	@$(MAKE) --no-print-directory check-valgrind
	@cat $(BUILD)/total build-asan/total $(BUILD)/valgrind-total | \
	  awk '{p += $$(NF-3); f += $$(NF-1)} END {printf "%d passed, %d failed\n", p, f}'

# The whole suite against binaries built with -fsanitize=address,undefined.
# It runs from build-asan/root, which links every top-level file except the
# binaries and this Makefile, so "./mlptrain" in a shell test is the sanitized
# one.  There a generated Makefile includes this one with the sanitized
# BUILD, BIN and CFLAGS, so a test that runs make (make install) uses these
# binaries instead of building plain ones over them.  Any sanitizer report
# makes the process exit 86, which no test expects.
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_ENV   = ASAN_OPTIONS=exitcode=86:detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:exitcode=86
check-asan:
	@mkdir -p build-asan/root
	@rm -rf build-asan/root/mlptrain build-asan/root/circles build-asan/root/build \
	  build-asan/root/Makefile
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/root \
	  CFLAGS="-O1 -g $(SAN_FLAGS)" build-asan/root/mlptrain build-asan/root/circles \
	  $(TESTS:$(BUILD)/%=build-asan/%) >build-asan/build.log 2>&1 || { cat build-asan/build.log; exit 1; }
	@for f in *; do case $$f in build*|mlptrain|circles|Makefile) ;; \
	  *) ln -sfn ../../$$f build-asan/root/$$f ;; esac; done
	@printf '%s\n' '# generated by make check-asan' 'BUILD := ..' 'BIN := .' \
	  'CFLAGS := -O1 -g $(SAN_FLAGS)' 'include ../../Makefile' >build-asan/root/Makefile
	@nm -D build-asan/root/mlptrain | grep -q __asan_init || \
	  { echo "check-asan: build-asan/root/mlptrain is not sanitized"; exit 1; }
	@cd build-asan/root && env $(SAN_ENV) sh tests/run-tests.sh .. \
	  $(TESTS:$(BUILD)/%=../%) $(SHELL_TESTS) >../check.out || { cat ../check.out; exit 1; }
	@nm -D build-asan/root/mlptrain | grep -q __asan_init || \
	  { echo "check-asan: a test replaced the sanitized mlptrain"; exit 1; }
	@echo "asan+ubsan: $$(tail -n 1 build-asan/check.out)" | tee build-asan/total

# Valgrind memcheck on short real runs of both binaries (plain build), linked
# shared: memcheck finds heap errors through the shared malloc only.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	   --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
$(BUILD)/vg/mlptrain: $(BUILD)/mlptrain.o $(BUILD)/libmlp.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $(BUILD)/mlptrain.o $(BUILD)/libmlp.a $(LDLIBS)
$(BUILD)/vg/circles: $(BUILD)/circles_main.o $(BUILD)/libmlp.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $(BUILD)/circles_main.o $(BUILD)/libmlp.a $(LDLIBS)
check-valgrind: all $(BUILD)/vg/mlptrain $(BUILD)/vg/circles
	@n=0; f=0; \
	for cmd in "$(BUILD)/vg/mlptrain --epochs 20 --csv $(BUILD)/vg-history.csv" \
	           "$(BUILD)/vg/circles --samples 50 -o $(BUILD)/vg-circles.csv" \
	           "$(BUILD)/vg/mlptrain --data $(BUILD)/vg-circles.csv --train 40 --layers 3 --epochs 10"; do \
	  if $(VALGRIND) $$cmd >$(BUILD)/vg.out 2>&1; then n=$$((n+1)); \
	  else f=$$((f+1)); echo "FAIL valgrind: $$cmd"; cat $(BUILD)/vg.out; fi; \
	done; echo "valgrind: $$n passed, $$f failed" | tee $(BUILD)/valgrind-total; [ $$f = 0 ]

# libFuzzer harnesses (clang): the CSV loader and the option parser, each for
# FUZZ_TIME seconds from the seed corpus in tests/fuzz/corpus-NAME; new inputs
# go to build-fuzz/corpus-NAME, crashes to build-fuzz/.
FUZZ_TIME    ?= 30
FUZZERS      = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz-build:
	@sh scripts/install-deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
	  CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" build-fuzz/libmlp.a
	@for z in $(FUZZERS); do \
	  clang $(filter-out -MMD -MP,$(ALL_CFLAGS)) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer -Isrc \
	    -o build-fuzz/fuzz_$$z tests/fuzz/fuzz_$$z.c build-fuzz/libmlp.a $(LDLIBS) || exit 1; \
	done
fuzz: fuzz-build
	@for z in $(FUZZERS); do \
	  mkdir -p build-fuzz/corpus-$$z; \
	  echo "fuzz_$$z: $(FUZZ_TIME) s"; \
	  build-fuzz/fuzz_$$z -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/ build-fuzz/corpus-$$z tests/fuzz/corpus-$$z \
	    2>build-fuzz/fuzz_$$z.log || { tail -n 40 build-fuzz/fuzz_$$z.log; exit 1; }; \
	  grep -E 'stat::number_of_executed_units|Done' build-fuzz/fuzz_$$z.log; \
	done

# Installs the binaries, the scripts (as mlptrain-NAME) and the man pages.
install: mlptrain circles
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 mlptrain circles $(DESTDIR)$(PREFIX)/bin/
	for s in $(filter-out scripts/install-deps.sh,$(wildcard scripts/*.sh)); do \
	    install -m 755 $$s $(DESTDIR)$(PREFIX)/bin/mlptrain-$$(basename $$s .sh); done
	install -m 644 man/mlptrain.1 man/circles.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf $(BUILD) build-* mlptrain circles .build-stamp

-include $(wildcard $(BUILD)/*.d)
