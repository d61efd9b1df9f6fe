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
check "native: fork of 8 MiB touched, three times, in 24 MiB of RAM, takes under 1 MiB (sysinfo)" cow native 'three children'
check "native: mmap 64 MiB and touch ten pages, in 24 MiB of RAM: at most 25 frames" cow native '64 MiB mapped'
check "native: bad writes after fork and to lazy mappings get SIGSEGV" cow native 'a write to shared code'
RV_ARGS="ringvisor /boot/kernel.elf /boot/initrd.cpio -- cowtest" session guest 'poweroff\npoweroff\n'
guest_all() {
  [ "$rc" = 0 ] && has guest 'cowtest: 0 checks failed' &&
    has guest 'init: cowtest exited with status 0' || explain guest
}
check "guest: copy on write, demand paging and their SIGSEGVs, in a guest of 32 MiB" guest_all

# The speed-ups' own attack surface (chapter 7): a flooded batch and an
# update outside guest memory end the guest with a reason; a guest that
# switches among 64 directories, far more than the host caches, only
# misses, and shuts down normally, with the host still up.
hostile batchflood 'guest killed: a batch of 100000 hypercalls \(at most [0-9]+\)' \
  "a batch of 100000 hypercalls kills the guest; the host goes on"
hostile batchout 'guest killed: page-table update for a directory at 0x7ffff000 outside guest memory' \
  "a batched update outside guest memory kills the guest; the host goes on"
hostile batchnest 'guest killed: hypercall 32 cannot be batched' \
  "a batch inside a batch kills the guest; the host goes on"
hostile cr3thrash 'shadow cache: [0-9]+ hits, [0-9]{4} misses' \
  "2560 switches among 64 directories only miss the cache; the guest ends normally"
