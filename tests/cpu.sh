# The CPU check in the kernel's first instructions (chapter 1, "Is this CPU
# enough?"): on a CPU that lacks what the kernel needs, the kernel names the
# missing features on COM1 and on the VGA screen, waits for a key, and ends
# (isa-debug-exit 2, QEMU status 5) instead of resetting without a word.
. tests/lib.inc

need kernel.elf
scratch_dirs
tools/initrd "" "$tmp/initrd.cpio" || exit 0

# old CPU MISSING WAKE -- boot on QEMU's CPU model CPU; the message must
# list exactly MISSING on the serial line and on the screen.  WAKE is how
# the key comes: "serial" (a byte on COM1) or "keyboard" (the monitor's
# sendkey, through the 8042).
old() {
  qemu_start "$1" -cpu "$1" -kernel build/kernel.elf -initrd "$tmp/initrd.cpio"
  await 'Press a key to restart' && monitor screen >"$tmp/$1.screen" &&
    if [ "$3" = serial ]; then say '\n'; else monitor 'sendkey ret' >/dev/null; fi
  qemu_end
  verdict() {
    [ "$rc" = 5 ] && has "$1" "^ringvisor: this CPU is too old; it lacks:$2\$" &&
      has "$1" '^ringvisor needs an i686' && ! has "$1" 'booting natively' &&
      grep -q "^ringvisor: this CPU is too old; it lacks:$2\$" "$tmp/$1.screen" ||
      { echo "  screen:"; sed 's/^/  # /' "$tmp/$1.screen" | grep -v '^  # $'; explain "$1"; }
  }
  check "-cpu $1: names what it lacks ($2) on COM1 and the screen, a $3 key ends it (status 5)" verdict "$1" "$2"
}
old pentium ' cmov' keyboard
old 486 ' tsc cmov' serial

# An i686 with everything passes the check and boots (the same kernel).
qemu_start p2 -cpu pentium2 -kernel build/kernel.elf -initrd "$tmp/initrd.cpio"
await '^\$ ' && say 'poweroff\n'
qemu_end
p2() { [ "$rc" = 0 ] && has p2 'booting natively in ring 0' && ! has p2 'too old' || explain p2; }
check "-cpu pentium2 (an i686 with fpu tsc pse cmov) passes the check and boots" p2
