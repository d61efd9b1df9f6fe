# Grading tests for exercise 02 (run in the graded tree, tests/lib.inc loaded).
scratch_dirs
for prog in wrcode rdkernel; do
  session "g$prog" "ringvisor /boot/kernel.elf /boot/initrd.cpio -- $prog\npoweroff\npoweroff\n"
done
killed() { has "g$1" "pid [0-9]+ \\($1\\): page fault at 0x[0-9a-f]+, killed" || explain "g$1"; }
check "a guest program that writes its own code is killed by the guest kernel" killed wrcode
check "a guest program that reads its kernel's memory is killed by the guest kernel" killed rdkernel
session gself 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\npoweroff\npoweroff\n'
selftest_ok() { has gself 'selftest: all [0-9]+ checks passed' || explain gself; }
check "selftest passes in a guest" selftest_ok
