# Grading tests of exercise 07 (tools/grade runs them in the graded tree).
probe nullcall
RV_QEMU="-icount shift=0" session perf "nullcall $TOKEN\nringvisor /boot/kernel.elf /boot/initrd.cpio -- nullcall $TOKEN\npoweroff\n$(mark alive)\npoweroff\n"
cost() { grep -o "nullcall $TOKEN: [0-9]* per call" "$tmp/perf.log" | sed -n "$1p" | sed 's/.*: \([0-9]*\) per call/\1/'; }
fast() {
  native=$(cost 1); guest=$(cost 2)
  echo "  a null system call: $native instructions natively, $guest in a guest (at most 2x native + 40 passes)"
  [ -n "$native" ] && [ -n "$guest" ] && [ "$guest" -le $((2 * native + 40)) ] || explain perf
}
check "performance: a guest's null system call costs at most twice a native one (-icount)" fast
session self "ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\n$(mark alive)\npoweroff\npoweroff\n"
selftest_ok() { has self 'selftest: all [0-9]+ checks passed' && marked self alive || explain self; }
check "selftest passes in a guest" selftest_ok
session wr "ringvisor /boot/kernel.elf /boot/initrd.cpio -- wrcode\n$(mark alive)\npoweroff\npoweroff\n"
killed() { has wr 'pid [0-9]+ \(wrcode\): page fault at 0x[0-9a-f]+, killed' && marked wr alive && [ "$rc" = 0 ] || explain wr; }
check "a guest program's fault still reaches its kernel; the host powers off cleanly" killed
