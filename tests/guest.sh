# Scenario tests of the hypervisor: the host boots natively under QEMU, and
# the launcher runs the very same kernel.elf as a guest in ring 1.  Hostile
# guests (the rvtest= modes of chapter 7) must end with their reason while
# the host stays up and answers.
. tests/lib.inc
SESSION_PACED=1   # type each line at the prompt: no echo inside a result line

need kernel.elf user/ringvisor
scratch_dirs

# 1. init runs the launcher from the kernel command line; the guest prints
#    its banner through the console hypercall and shuts down with status 5.
RV_ARGS="ringvisor /boot/kernel.elf -- rvexit=5" session first 'echo alive\npoweroff\n'
first_guest() {
  [ "$rc" = 0 ] && has first 'kernel booting as a guest in ring 1' &&
    has first 'guest kernel up in ring 1' &&
    has first 'ringvisor: guest shut down with status 5' &&
    has first 'init: ringvisor exited with status 5' &&
    has first "${P}alive\$" || explain first
}
check "a guest boots in ring 1, prints its banner, shuts down with status 5" first_guest

# 2. Twenty guests, one after another, in one host boot.
in=''
for i in $(seq 20); do in="${in}ringvisor /boot/kernel.elf\n"; done
session twenty "${in}echo alive\npoweroff\n"
twenty_guests() {
  n=$(grep -c 'ringvisor: guest shut down with status 0' "$tmp/twenty.log")
  [ "$rc" = 0 ] && [ "$n" = 20 ] && has twenty "${P}alive\$" ||
    { echo "  $n of 20 guests shut down cleanly"; explain twenty; }
}
check "20 guests run one after another in one host boot" twenty_guests

# 3. Hostile guests: each ends with its reason, and the host goes on.
# hostile MODE EREGEX DESCRIPTION
hostile hypercall 'guest killed: unknown hypercall 999' \
  "an unknown hypercall kills the guest; the host goes on"
hostile badptr 'guest killed: console write of 64 bytes at 0x7ffffff0 is outside guest memory' \
  "a pointer outside guest memory kills the guest; the host goes on"
hostile mapswitcher 'guest killed: tried to map the switcher at 0xffc00000' \
  "mapping the switcher's address kills the guest; the host goes on"
hostile writeswitcher 'guest killed: touched the switcher at 0xffc03000' \
  "writing the switcher's state page kills the guest; the host goes on"
hostile ring0seg 'has DPL 1 in slot 3' \
  "a ring-0 code descriptor is demoted to DPL 1"
hostile callgate 'guest killed: system descriptor \(type 12\) in GDT slot 4' \
  "a call gate in the GDT kills the guest; the host goes on"
hostile datacs 'guest killed: fault while entering the guest \(bad state\)' \
  "a data segment in the kernel's code slot ends the guest at its next entry; the host goes on"
for insn in cli hlt out; do
  hostile "$insn" 'guest killed: trap 13 \(general protection fault\)' \
    "$insn in ring 1 faults and kills the guest; the host goes on"
done
hostile reflect 'trap 6 \(invalid opcode\)' \
  "a guest fault after its IDT is loaded is reflected to the guest's handler"
reflected() { has reflect 'panic: unexpected trap in the kernel' && has reflect 'guest shut down with status 1' || explain reflect; }
check "the reflected fault reaches the guest kernel, which panics with status 1" reflected

# 4. Holes found by a review of the first version (chapter 7 tells them).
hostile dsbase 'rvtest: the host survived it' \
  "a hypercall with a far-based %ds cannot redirect the switcher"
survived_ds() { has dsbase 'guest shut down with status 0' || explain dsbase; }
check "after the %ds attack the guest itself goes on and shuts down cleanly" survived_ds
hostile unaligned 'guest killed: trap 6 on an unaligned kernel stack' \
  "a trap on an unaligned guest stack kills the guest, never spills into host memory"
hostile fakeirq 'trap 13 \(general protection fault\)' \
  "a guest cannot open a host interrupt vector to itself and fake an interrupt"

# 5. The guest runs its own programs from its initial RAM disk: the same
#    selftest binary prints the same lines as on this Linux and natively.
session gself 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\npoweroff\necho alive\npoweroff\n'
build/user/selftest >"$tmp/linux.out" 2>&1
guest_selftest() {
  grep -E '^selftest: ' "$tmp/linux.out" >"$tmp/linux.lines"
  grep -Eo 'selftest: .*' "$tmp/gself.log" >"$tmp/guest.lines"
  [ "$rc" = 0 ] && [ -s "$tmp/guest.lines" ] && cmp -s "$tmp/linux.lines" "$tmp/guest.lines" &&
    has gself 'init: selftest exited with status 0' &&
    has gself 'guest shut down with status 0' && has gself "${P}alive\$" ||
    { diff "$tmp/linux.lines" "$tmp/guest.lines" | head; explain gself; }
}
check "selftest in a guest prints exactly what it prints on Linux" guest_selftest

session gfork 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- forktest\npoweroff\necho alive\npoweroff\n'
guest_fork() { [ "$rc" = 0 ] && has gfork 'forktest: 50 children ok' && has gfork "${P}alive\$" || explain gfork; }
check "forktest's 50 children run inside a guest" guest_fork

session gnull 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- nullderef\npoweroff\necho alive\npoweroff\n'
guest_null() {
  [ "$rc" = 0 ] && has gnull 'pid [0-9]+ \(nullderef\): page fault at 0x00000000, killed' &&
    has gnull 'init: nullderef was killed by signal 11' &&
    has gnull 'guest shut down with status 0' && has gnull "${P}alive\$" || explain gnull
}
check "a guest program's fault is handled by the guest kernel, not the host" guest_null

# 6. make run: the host's init runs a guest that runs uname -a.
printf 'poweroff\npoweroff\n' | RV_TIMEOUT=60 tools/run-stage "" >"$tmp/makerun.raw" 2>&1; rc=$?
tr -d '\r' <"$tmp/makerun.raw" >"$tmp/makerun.log"
make_run() {
  [ "$rc" = 0 ] && has makerun 'kernel booting as a guest in ring 1' &&
    has makerun 'ringvisor ringvisor 1.0 guest i686' &&
    has makerun 'init: ringvisor exited with status 0' || explain makerun
}
check "make run: the host runs a guest whose uname says it is a guest" make_run

# 7. A guest's programs cannot get through the shadow page tables more than
#    their own kernel's page tables allow.
for prog in wrcode rdkernel; do
  session "g$prog" "ringvisor /boot/kernel.elf /boot/initrd.cpio -- $prog\npoweroff\necho alive\npoweroff\n"
  confined() {
    has "g$1" "pid [0-9]+ \\($1\\): page fault at 0x[0-9a-f]+, killed" &&
      has "g$1" "init: $1 was killed by signal 11" && has "g$1" "${P}alive\$" || explain "g$1"
  }
  check "a guest's $prog is killed by its own kernel: the shadow allows no more than the guest's tables" confined "$prog"
done

# A guest program that touches the switcher gets SIGSEGV from its own
# kernel; the guest is not killed, and its shell still answers.
session grdswitch 'ringvisor /boot/kernel.elf /boot/initrd.cpio\nrdswitch\necho shell still here\npoweroff\necho alive\npoweroff\n'
rd_switch() {
  has grdswitch 'pid [0-9]+ \(rdswitch\): page fault at 0xffc00000, killed' &&
    has grdswitch "${P}shell still here\$" && ! has grdswitch 'guest killed' &&
    has grdswitch 'ringvisor: guest shut down with status 0' && has grdswitch "${P}alive\$" ||
    explain grdswitch
}
check "a guest program reading 0xFFC00000 gets SIGSEGV and the guest's shell answers" rd_switch

session gsetss 'ringvisor /boot/kernel.elf /boot/initrd.cpio\nsetss\necho shell still here\npoweroff\necho alive\npoweroff\n'
set_ss() {
  has gsetss "${P}setss: ran with the TLS segment in %ss and survived" &&
    has gsetss "${P}shell still here\$" && ! has gsetss 'guest killed' &&
    has gsetss 'ringvisor: guest shut down with status 0' || explain gsetss
}
check "a guest program that runs with its TLS segment in %ss does not kill its guest" set_ss

# 8. The guest's shell reads the console through the launcher.
session gsh 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- uname\necho typed into the guest\nls /dev\npoweroff\necho alive\npoweroff\n'
guest_shell() {
  has gsh "${P}typed into the guest\$" && has gsh "${P}ringvisor\$" &&
    has gsh 'ringvisor: guest shut down with status 0' && has gsh "${P}alive\$" || explain gsh
}
check "a guest's shell reads lines typed on the host's console, and poweroff returns to the host" guest_shell

# 9. A virtio disk: a guest writes through its driver, the launcher and the
#    host's own ATA disk; the host reads the pattern natively, and a second
#    guest reads it back through virtio.
session vdisk 'ringvisor --block /dev/hda /boot/kernel.elf /boot/initrd.cpio -- disktest write 9\npoweroff\ndisktest check 9\nringvisor --block /dev/hda /boot/kernel.elf /boot/initrd.cpio -- disktest check 9\npoweroff\npoweroff\n'
virtio_disk() {
  [ "$rc" = 0 ] && has vdisk 'virtio: a disk of 4096 KiB' &&
    has vdisk 'disktest: wrote 65536 bytes' &&
    [ "$(grep -c 'disktest: pattern intact' "$tmp/vdisk.log")" = 2 ] || explain vdisk
}
check "a guest's virtio disk is the host's disk: written in a guest, read natively and in another guest" virtio_disk

# 10. Attacks on the launcher's disk (found by a review; chapter 7).
session vqdouble 'ringvisor --block /dev/hda /boot/kernel.elf -- rvtest=vqdouble\necho alive\npoweroff\n'
vq_double() { has vqdouble 'rvtest: status 0' && has vqdouble "${P}alive\$" || explain vqdouble; }
check "a disk read that rewrites its own descriptors cannot redirect the launcher" vq_double
session vqflood 'ringvisor --block /dev/hda /boot/kernel.elf -- rvtest=vqflood\necho alive\npoweroff\n'
vq_flood() {
  has vqflood 'the guest made 65535 requests available on a queue of 16' &&
    ! has vqflood 'was NOT stopped' && has vqflood "${P}alive\$" || explain vqflood
}
check "65535 disk requests in one kick are refused; the host goes on" vq_flood

# 11. Floating point inside a guest, under a host that also switches.
session gfpu 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- fputest\npoweroff\npoweroff\n'
gfpu_ok() { has gfpu 'fputest: 3 of 3 concurrent results equal the lone ones: ok' || explain gfpu; }
check "fputest in a guest: x87 registers survive the guest's and the host's switches" gfpu_ok
