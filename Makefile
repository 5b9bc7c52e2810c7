# mlptrain — see README.md.  `make run` and `make check` are the two entry points.

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
# -ffp-contract=off: the data stage must match numpy bit for bit (no FMA).
# Never -ffast-math: it breaks isnan/isfinite and the bit-exact data stage.
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     ?= -Wall -Wextra -Werror
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) -ffp-contract=off -fno-math-errno -MMD -MP $(CFLAGS)
LDLIBS   = -lgsl -lgslcblas -lm

BUILD    ?= build
LIB_SRC  = $(filter-out src/mlptrain.c src/circles_main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
TESTS    = $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/test_*.c))

.PHONY: all run check test deps clean install bench
all: deps mlptrain circles

deps: $(BUILD)/.deps-ok
$(BUILD)/.deps-ok: scripts/install-deps.sh
	@sh scripts/install-deps.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: src/%.c | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libmlp.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

mlptrain: $(BUILD)/mlptrain.o $(BUILD)/libmlp.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

circles: $(BUILD)/circles_main.o $(BUILD)/libmlp.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_%: tests/test_%.c tests/check.h $(BUILD)/libmlp.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libmlp.a $(LDLIBS)

# The article's main job: relu6, 11 hidden layers of 5, 500 epochs, seed 1.
run: all
	./mlptrain --act relu6 --layers 11 --epochs 500

SHELL_TESTS = $(wildcard tests/t_*.sh)

check: all $(TESTS)
	@sh tests/run-tests.sh $(BUILD) $(TESTS) $(SHELL_TESTS)

# Installs the binaries, the scripts (as mlptrain-NAME) and the man pages.
install: mlptrain circles
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 mlptrain circles $(DESTDIR)$(PREFIX)/bin/
	for s in $(filter-out scripts/install-deps.sh,$(wildcard scripts/*.sh)); do \
	    install -m 755 $$s $(DESTDIR)$(PREFIX)/bin/mlptrain-$$(basename $$s .sh); done
	install -m 644 man/mlptrain.1 man/circles.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf $(BUILD) build-* mlptrain circles

-include $(wildcard $(BUILD)/*.d)
