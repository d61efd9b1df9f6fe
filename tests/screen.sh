# The PC's own console (chapter 1, "On a real PC"): the VGA text screen shows
# what the console writes, and keys typed on the PS/2 keyboard (QEMU's
# monitor sendkey, US layout) reach the shell and a guest's shell as serial
# input does.  The screen is read back from its memory at 0xB8000 through
# the monitor; every step waits for the transcript to show the one before.
. tests/lib.inc

need kernel.elf user/ringvisor
scratch_dirs
tools/initrd "" "$tmp/initrd.cpio" || exit 0

qemu_start kb -kernel build/kernel.elf -initrd "$tmp/initrd.cpio" \
  -drive file="$RV_DISK",format=raw,if=ide,index=0
await '^\$ ' && monitor screen >"$tmp/boot.screen" &&
  monitor 'type echo Hello, World! ~|{x}\n' && await '^(\$ )*Hello, World! ~\|\{x\}$' &&
  monitor screen >"$tmp/hello.screen" &&
  monitor 'type cat\n' && await '^(\$ )*cat$' && monitor 'sendkey ctrl-c' >/dev/null &&
  await '\^C' && monitor 'type echo AFTER\n' && await '^(\$ )*AFTER$' &&
  monitor 'type ls /bin\n' && await '^(\$ )*uname$' && monitor screen >"$tmp/ls.screen" &&
  monitor 'type ringvisor /boot/kernel.elf /boot/initrd.cpio\n' &&
  await 'kernel booting as a guest' &&
  monitor 'type echo typed in a guest\n' && await '^(\$ )*typed in a guest$' &&
  monitor screen >"$tmp/guest.screen" && monitor 'type poweroff\n' &&
  await 'guest shut down with status 0' && monitor 'type poweroff\n'
qemu_end

shows() { grep -Eq "$2" "$tmp/$1.screen" 2>/dev/null; }
screen_boot() {
  [ "$rc" = 0 ] && shows boot '^ringvisor: kernel booting natively in ring 0$' &&
    shows boot '^\$ ?$' || { sed 's/^/  # /' "$tmp/boot.screen" 2>/dev/null | grep -v '^  # $'; explain kb; }
}
check "the VGA screen shows the boot and the shell's prompt" screen_boot
screen_keys() {
  [ "$rc" = 0 ] && shows hello '^\$ echo Hello, World! ~\|\{x\}$' && shows hello '^Hello, World! ~\|\{x\}$' &&
    has kb '\^C' && has kb "${P}AFTER\$" ||
    { sed 's/^/  # /' "$tmp/hello.screen" 2>/dev/null | grep -v '^  # $'; explain kb; }
}
check "keys typed on the PS/2 keyboard (shift, ctrl-C) reach the shell and echo on the screen" screen_keys
screen_scroll() {
  # ls /bin prints more lines than the screen has: the boot has scrolled off
  # and the last lines of the listing are on the bottom rows.
  [ "$rc" = 0 ] && ! shows ls 'kernel booting natively' && shows ls '^uname$' &&
    [ "$(grep -c . "$tmp/ls.screen")" -ge 24 ] ||
    { sed 's/^/  # /' "$tmp/ls.screen" 2>/dev/null; explain kb; }
}
check "the screen scrolls: after ls /bin the boot lines are gone and the listing's end is shown" screen_scroll
screen_guest() {
  [ "$rc" = 0 ] && shows guest '^typed in a guest$' && shows guest 'kernel booting as a guest in ring 1' &&
    has kb 'guest shut down with status 0' ||
    { sed 's/^/  # /' "$tmp/guest.screen" 2>/dev/null | grep -v '^  # $'; explain kb; }
}
check "a guest's shell reads the keyboard and its output is on the screen; poweroff ends both (status 0)" screen_guest
