# Grading tests of exercise 02 (tools/grade runs them in the graded tree).
# Three guests in one host boot: two hostile programs, then selftest.
g='ringvisor /boot/kernel.elf /boot/initrd.cpio --'
session g "$g wrcode\npoweroff\n$g rdkernel\npoweroff\n$g selftest\npoweroff\n$(mark alive)\npoweroff\n"
killed() { has g "pid [0-9]+ \\($1\\): page fault at 0x[0-9a-f]+, killed" || explain g; }
check "a guest program that writes its own code is killed by the guest kernel" killed wrcode
check "a guest program that reads its kernel's memory is killed by the guest kernel" killed rdkernel
selftest_ok() { has g 'selftest: all [0-9]+ checks passed' && marked g alive && [ "$rc" = 0 ] || explain g; }
check "selftest passes in a guest, and the host powers off cleanly" selftest_ok
