# ringvisor -- the only entry point: tangle, build, weave, run, test.
#
# The code lives in chapters/*.nw.  `make` tangles it into tangle-out/ and
# builds into build/; `make book` weaves build/book.pdf.  `make help` lists
# every target.

CHAPTERS := $(sort $(wildcard chapters/*.nw))
B        := build
T        := tangle-out

# The kernel is freestanding 32-bit code, built with Debian's i686 cross gcc
# (it comes with musl-tools:i386 and, unlike gcc-multilib, can be installed
# beside it).  User programs are ordinary static Linux/i386 programs on musl.
KCC      := i686-linux-gnu-gcc
KLD      := i686-linux-gnu-ld
UCC      := i386-linux-musl-gcc
# -fdebug-prefix-map: the debug information names the tree as ".", so the
# binaries, and the instruction counts of make bench that copy them, are
# the same bytes whatever folder the tree was cloned into.
KCFLAGS  := -std=gnu11 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
            -fno-builtin -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
            -mgeneral-regs-only -march=i686 -O2 -g -fdebug-prefix-map=$(CURDIR)=. \
            -Wall -Wextra -Werror -I$(T)/include -I$(T)/kernel -MMD -MP
UCFLAGS  := -static -O2 -g -fdebug-prefix-map=$(CURDIR)=. -Wall -Wextra -Werror -I$(T)/include

QEMU     := qemu-system-i386
TIMEOUT  ?= 60
EXTRA    ?=

.PHONY: all tangle build book test run run-native iso debug gdb deps clean help bench bench-linux bench-update grade exercise exercises exercise-stop handin handout autograder fuzz solutions

## all: tangle the chapters and build everything (the default)
all: tangle
	@$(MAKE) --no-print-directory -s build

## deps: install missing Debian packages (tools/deps; a no-op when all is there)
deps:
	@tools/deps

## tangle: write every root chunk of chapters/*.nw to tangle-out/ (unchanged files keep their mtimes)
tangle: deps
	@tools/tangle $(T) $(CHAPTERS)

.PHONY: html
## html: write the whole book as hyperlinked HTML, build/html/index.html (readable offline)
html: book
	@tools/html $(B)/html $(CHAPTERS)

## book: weave the chapters into build/book.pdf with chunk and identifier indexes
book: deps
	@tools/weave $(B)/book $(CHAPTERS)

## test: build everything, run every test; ends with "N passed, N failed" (during an exercise: its checks only)
test: all
	@if [ -f .exercise/current ]; then \
	  echo "make test: exercise $$(cat .exercise/current) is in progress: only its checks run, and a failure below is the exercise's, not the book's"; \
	  tools/grade "$$(cat .exercise/current)" --test; \
	else tests/run; fi

## run: boot the host under QEMU; its init runs the same kernel as a guest (EXTRA as for run-native)
run: all
	@tools/run-stage "$(EXTRA)"

## run-native: boot the kernel natively into its shell (EXTRA="prog ..." adds programs to /bin)
run-native: all
	@tools/run-native "$(EXTRA)"

## iso: write build/ringvisor.iso, a GRUB 2 CD/USB image for a BIOS PC (menu: host shell, a guest, its selftest; tools/iso --help)
iso: all
	@tools/iso $(if $(EXTRA),--extra "$(EXTRA)")

## debug: like run, but QEMU waits for gdb on port 1234 (then, in another terminal: make gdb)
debug: all
	@RV_QEMU="-gdb tcp::1234 -S" tools/run-stage "$(EXTRA)"

## gdb: attach gdb to `make debug`, with the kernel's symbols and chapters/*.nw source lines
gdb:
	@gdb -q -x tools/gdbinit build/kernel.elf

## exercises: list the graded exercises (exercises/README.md), with level and time
exercises:
	@tools/exercise list

## exercise: start exercise EX (make exercise EX=01): its starter goes into chapters/, saved as the base
exercise:
	@tools/exercise start "$(EX)"

## exercise-stop: save your work on the exercise (.exercise/EX/work.patch) and put the book back
exercise-stop:
	@tools/exercise stop

## handin: write handin-EX.patch, your chapters against the exercise's starter
handin:
	@tools/exercise handin "$(EX)"

## grade: grade exercise EX: this tree's chapters, or PATCH=file [JSON=results.json]
grade: deps
	@tools/grade "$(if $(EX),$(EX),$$(cat .exercise/current 2>/dev/null))" "$(PATCH)" $(if $(JSON),--json "$(JSON)")

## handout: write a starter tree for students with its woven book, in which no listed exercise's answer appears: EX=01, EX="01 04 06" (one tree for a course), EX=all
handout: deps
	@tools/handout "$(EX)"

## solutions: write solutions/NN-slug/answer.patch (the reference hand-in, for instructors) from the chapters; SCORES=1 also grades every wrong answer into scores.tsv
solutions:
	@tools/solutions $(if $(SCORES),--scores)

## autograder: write autograder/EX.zip, a Gradescope autograder for exercise EX with no answer in it (EX=all for each; EX="01 04" for a course's set)
autograder:
	@tools/autograder "$(EX)"

## bench: instruction counts of the same program natively and in a guest, with ratios (QEMU -icount)
bench: all
	@tools/bench

## bench-linux: the same bench program as init of Debian's Linux 6.1 on the same QEMU; adds a Linux column
bench-linux: all
	@tools/bench-linux && tools/bench --table

## bench-bochs: the bench in a guest under VT-x and under the switcher, in one Bochs boot (Core 2), with the ratio per row
bench-bochs: all
	@tools/bochs-bench

## bench-update: rerun bench and bench-linux and write weave/bench.tsv, the book's numbers (commit it)
bench-update: all
	@tools/bench >/dev/null && tools/bench-linux && tools/bench --commit && tools/bench --table
## fuzz: fuzz the launcher's device side (libFuzzer, ASan, UBSan) and the host (hostile guest kernels) for FUZZ_SECONDS in all (default 240); prints counts and crashes
FUZZ_SECONDS ?= 240
fuzz: all
	@tools/fuzz $(FUZZ_SECONDS)

## clean: remove build/ and the tangled sources
clean:
	rm -rf $(B)
	find $(T) -type f ! -name README -delete

## help: list every target
help:
	@sed -n 's/^## //p' Makefile

# ---------------------------------------------------------------------------
# The build proper runs in a second make, after tangling, so that the lists
# of tangled sources below are read from an up-to-date tangle-out/.

KSRCS  := $(wildcard $(T)/kernel/*.c $(T)/kernel/*.S)
KOBJS  := $(patsubst $(T)/kernel/%,$(B)/kernel/%.o,$(KSRCS))
USRCS  := $(wildcard $(T)/user/*.c)
UPROGS := $(patsubst $(T)/user/%.c,$(B)/user/%,$(USRCS))
LSRCS  := $(wildcard $(T)/launcher/*.c)

build: $(if $(KSRCS),$(B)/kernel.elf) $(UPROGS) $(if $(LSRCS),$(B)/user/ringvisor)

$(B)/kernel/%.c.o: $(T)/kernel/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(KCC) $(KCFLAGS) -c $< -o $@

$(B)/kernel/%.S.o: $(T)/kernel/%.S
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(KCC) $(KCFLAGS) -c $< -o $@

$(B)/kernel.elf: $(KOBJS) $(T)/kernel/kernel.ld
	@echo "  LD      $@"
	@$(KCC) -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack -T $(T)/kernel/kernel.ld -o $@ $(KOBJS) -lgcc

$(B)/user/%: $(T)/user/%.c $(wildcard $(T)/include/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(UCC) $(UCFLAGS) -o $@ $<

$(B)/user/ringvisor: $(LSRCS) $(wildcard $(T)/include/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(UCC) $(UCFLAGS) -o $@ $(LSRCS)

-include $(KOBJS:.o=.d)
