# Copy on write and pages on demand (chapter 1, "Pages on demand"):
# cowtest natively on a machine of 24 MiB, too small for eager copying of
# 8 MiB to three children or for zeroing a 64 MiB mapping, and the same
# program in a guest of 32 MiB, where its kernel does the same in ring 1.
# Bad writes (to shared code, to a read-only mapping, after munmap) must
# still end in SIGSEGV on both.
. tests/lib.inc
scratch_dirs
RV_QEMU="-m 24" session native 'cowtest\npoweroff\n'
cow() {  # cow TAG WHAT
  [ "$rc" = 0 ] && has "$1" "cowtest: ok: $2" || explain "$1"
}
check "native: parent and child each see only their own writes" cow native 'parent and child'
check "native: fork of 8 MiB touched, three times, in 24 MiB of RAM" cow native 'three children'
check "native: mmap 64 MiB and touch ten pages, in 24 MiB of RAM" cow native '64 MiB mapped'
check "native: bad writes after fork and to lazy mappings get SIGSEGV" cow native 'a write to shared code'
RV_ARGS="ringvisor /boot/kernel.elf /boot/initrd.cpio -- cowtest" session guest 'poweroff\npoweroff\n'
guest_all() {
  [ "$rc" = 0 ] && has guest 'cowtest: 0 checks failed' &&
    has guest 'init: cowtest exited with status 0' || explain guest
}
check "guest: copy on write, demand paging and their SIGSEGVs, in a guest of 32 MiB" guest_all
