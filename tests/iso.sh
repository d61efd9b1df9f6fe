# The bootable CD image (make iso): QEMU's BIOS boots it from -cdrom, GRUB 2
# shows its menu on the serial line, a key chooses the guest's selftest, and
# the kernel, loaded by GRUB this time, runs a guest that runs its selftest.
# The test answers each step only after the transcript shows the one before
# (the menu, the selftest's verdict, the host's shell), never after a delay.
. tests/lib.inc

if [ ! -f build/kernel.elf ] || [ ! -x build/user/ringvisor ]; then
  echo "FAIL: kernel.elf or the launcher was not built"
  exit 0
fi
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

mkfifo "$tmp/in"
timeout -k 5 "${RV_TIMEOUT:-300}" qemu-system-i386 -m 128 -cdrom "$tmp/test.iso" \
  -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
  -display none -serial stdio -monitor none -no-reboot \
  <"$tmp/in" >"$tmp/cd.raw" 2>&1 &
qemu=$!
exec 3>"$tmp/in"

# await EREGEX -- wait until the transcript matches (true) or QEMU is gone
# (false).  GRUB draws its menu with escape sequences; they are removed.
await() {
  while kill -0 "$qemu" 2>/dev/null; do
    tr -d '\r' <"$tmp/cd.raw" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' >"$tmp/cd.log"
    grep -Eq "$1" "$tmp/cd.log" && return 0
    sleep 0.5
  done
  tr -d '\r' <"$tmp/cd.raw" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' >"$tmp/cd.log"
  grep -Eq "$1" "$tmp/cd.log"
}
# 's' is the selftest entry's hotkey; the guest's poweroff returns to the
# host's shell, whose poweroff ends QEMU through isa-debug-exit.
await 'ringvisor: the guest.s selftest' && printf 's' >&3 &&
  await 'init: selftest exited with status' && printf 'poweroff\n' >&3 &&
  await 'init: ringvisor exited with status' && printf 'poweroff\n' >&3
wait "$qemu"
rc=$?
exec 3>&-
tr -d '\r' <"$tmp/cd.raw" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' >"$tmp/cd.log"

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
