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
session g "ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\npoweroff\nringvisor /boot/kernel.elf /boot/initrd.cpio -- wrcode\npoweroff\n$(mark alive)\npoweroff\n"
selftest_ok() { has g 'selftest: all [0-9]+ checks passed' || explain g; }
check "selftest passes in a guest" selftest_ok
killed() { has g 'pid [0-9]+ \(wrcode\): page fault at 0x[0-9a-f]+, killed' && marked g alive && [ "$rc" = 0 ] || explain g; }
check "a guest program's fault still reaches its kernel; the host powers off cleanly" killed
# Two wishes a direct gate must not grant.  gatesel asks for the
# switcher's ring-0 code segment: a handler that finds itself in ring 0
# ends QEMU through its exit port (status 85).  intgate asks for an
# interrupt gate: a handler that finds the real interrupt flag off spins,
# and the frozen host never answers (a shorter timeout).
RV_TIMEOUT=40 session gates "ringvisor /boot/kernel.elf -- rvtest=gatesel\nringvisor /boot/kernel.elf -- rvtest=intgate\n$(mark alive)\npoweroff\n"
gates_ok() {
  has gates 'rvtest: the gate ran in ring 1' && has gates 'rvtest: the handler ran with interrupts on' &&
    marked gates alive && [ "$rc" = 0 ] || explain gates
}
check "a gate through the switcher's code segment, an interrupt gate: neither is granted, the host answers" gates_ok
