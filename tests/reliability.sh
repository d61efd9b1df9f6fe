# Reliability of the hypervisor (chapter 7, "Reliability"): slots, one
# guest per process, memory that comes back after a hundred guests.
. tests/lib.inc

if [ ! -f build/kernel.elf ] || [ ! -x build/user/guests ]; then
  echo "FAIL: kernel.elf or the guests program was not built"
  exit 0
fi
scratch_dirs

# 1. Four guests fill the host's slots; a fifth launcher says why it cannot
#    start; one process cannot open a second guest.  16 MiB guests, so that
#    four fit in the host's 128 MiB.
session five 'guests -p 1500 5 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio\nrvtwice\npoweroff\n'
fifth() {
  [ "$rc" = 0 ] &&
    has five 'ringvisor: /dev/ringvisor: the host already runs as many guests as it can' &&
    has five 'guests: copy 5 exited with status 1' &&
    has five 'guests: 5 copies: 4 exited with status 0, 1 with another, 0 killed' || explain five
}
check "the fifth launcher of four running gets a clear message" fifth
twice() { has five "${P}rvtwice: first open: a guest; second open: File exists" || explain five; }
check "a process that opens /dev/ringvisor again gets EEXIST: one guest per process" twice

# 2. A hundred guests in turn -- plain, killed by the host for an attack,
#    and launchers killed with SIGKILL early and mid-run -- then four at
#    once: the host's free memory afterwards is what it was before.
in='free\n'
in="${in}guests -s 40 ringvisor /boot/kernel.elf\n"
in="${in}guests -s 15 ringvisor /boot/kernel.elf -- rvtest=hypercall\n"
in="${in}guests -s 15 ringvisor /boot/kernel.elf -- rvtest=writeswitcher\n"
in="${in}guests -s -k 50 15 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio\n"
in="${in}guests -s -k 700 15 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio\n"
in="${in}guests 4 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio -- forktest\n"
in="${in}free\npoweroff\n"
RV_TIMEOUT=400 session leak "$in"
no_leak() {
  grep -Eo 'free: [0-9]+ KiB free of [0-9]+ KiB' "$tmp/leak.log" >"$tmp/free.lines"
  sed 's/^\(\$ \)*//' "$tmp/leak.log" | grep '^guests: [0-9]* copies' >"$tmp/guests.lines"
  [ "$rc" = 0 ] && [ "$(wc -l <"$tmp/free.lines")" = 2 ] &&
    [ "$(sort -u "$tmp/free.lines" | wc -l)" = 1 ] &&
    grep -q '^guests: 40 copies: 40 exited with status 0' "$tmp/guests.lines" &&
    [ "$(grep -c '^guests: 15 copies: 0 exited with status 0, 15 with another' "$tmp/guests.lines")" = 2 ] &&
    [ "$(grep -c '^guests: 15 copies: 0 exited with status 0, 0 with another, 15 killed' "$tmp/guests.lines")" = 2 ] &&
    grep -q '^guests: 4 copies: 4 exited with status 0' "$tmp/guests.lines" &&
    [ "$(grep -c 'forktest: 50 children ok' "$tmp/leak.log")" = 4 ] ||
    { cat "$tmp/free.lines" "$tmp/guests.lines" | sed 's/^/  /'; explain leak; }
}
check "100 guests in turn (plain, hostile, SIGKILLed) and 4 at once: host free memory comes back" no_leak
