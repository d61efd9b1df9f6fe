# The bootable CD image (make iso): QEMU's BIOS boots it from -cdrom, GRUB 2
# shows its menu on the serial line, a key chooses the guest's selftest, and
# the kernel, loaded by GRUB this time, runs a guest that runs its selftest.
# The test answers each step only after the transcript shows the one before
# (the menu, the selftest's verdict, the host's shell), never after a delay.
. tests/lib.inc

need kernel.elf user/ringvisor
if ! command -v grub-mkrescue >/dev/null; then
  echo "FAIL: grub-mkrescue is missing (tools/deps installs grub-pc-bin, grub-common)"
  exit 0
fi
scratch_dirs

# The shipped menu starts its first entry after 5 s; a test under load could
# miss that, so its image waits for a key (the only difference).
tools/iso --timeout -1 -o "$tmp/test.iso" >"$tmp/iso.out" 2>&1
made=$?
check "make iso's tool writes a bootable image" [ "$made" = 0 -a -s "$tmp/test.iso" ]
[ "$made" = 0 ] || { sed 's/^/  | /' "$tmp/iso.out"; exit 0; }

qemu_start cd -cdrom "$tmp/test.iso"
# 's' is the selftest entry's hotkey; the guest's poweroff returns to the
# host's shell, whose poweroff ends QEMU.
await 'ringvisor: the guest.s selftest' && say 's' &&
  await 'init: selftest exited with status' && monitor screen >"$tmp/cd.screen" &&
  say 'poweroff\n' &&
  await 'init: ringvisor exited with status' && say 'poweroff\n'
qemu_end

cd_boot() {
  [ "$rc" = 0 ] && has cd 'GNU GRUB' && has cd 'ringvisor: loaded by GRUB 2' &&
    has cd 'kernel booting natively in ring 0' || explain cd
}
check "the ISO boots from -cdrom: BIOS, GRUB 2's menu, the kernel through Multiboot" cd_boot
cd_selftest() {
  [ "$rc" = 0 ] && has cd 'kernel booting as a guest in ring 1' &&
    has cd '^selftest: all [0-9]+ checks passed' &&
    has cd 'init: selftest exited with status 0' &&
    has cd 'init: ringvisor exited with status 0' || explain cd
}
check "GRUB's command line starts a guest whose selftest passes; both power off (status 0)" cd_selftest
cd_screen() {
  grep -Eq '^selftest: all [0-9]+ checks passed$' "$tmp/cd.screen" &&
    grep -q '^init: selftest exited with status 0$' "$tmp/cd.screen" ||
    { sed 's/^/  # /' "$tmp/cd.screen"; explain cd; }
}
check "booted from the ISO, the VGA screen shows the guest's selftest and its verdict" cd_screen
