# Grading tests of exercise 02 (tools/grade runs them in the graded tree).
for prog in wrcode rdkernel; do
  session "g$prog" "ringvisor /boot/kernel.elf /boot/initrd.cpio -- $prog\n$(mark alive)\npoweroff\npoweroff\n"
done
killed() { has "g$1" "pid [0-9]+ \\($1\\): page fault at 0x[0-9a-f]+, killed" && marked "g$1" alive || explain "g$1"; }
check "a guest program that writes its own code is killed by the guest kernel" killed wrcode
check "a guest program that reads its kernel's memory is killed by the guest kernel" killed rdkernel
session gself "ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\n$(mark alive)\npoweroff\npoweroff\n"
selftest_ok() { has gself 'selftest: all [0-9]+ checks passed' && marked gself alive && [ "$rc" = 0 ] || explain gself; }
check "selftest passes in a guest, and the host powers off cleanly" selftest_ok
